package dev.slim4j.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Direct convolution against hand-computed values, then im2col+GEMM against direct convolution. */
class ConvTest {

    @Test
    void directConvolutionByHand() {
        // 1x1x3x3 input 1..9, 2x2 kernel [[1,0],[0,-1]], stride 1, no pad: x[i][j] - x[i+1][j+1] = -4 everywhere.
        float[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        float[] w = {1, 0, 0, -1};
        float[] y = new float[4];
        new ScalarConv().conv2d(ConvGeometry.simple(1, 1, 3, 3, 1, 2, 1, 0), x, 0, w, 0, new float[] {0.5f}, 0,
                y, 0, false, Parallelism.serial());
        assertArrayEquals(new float[] {-3.5f, -3.5f, -3.5f, -3.5f}, y);
    }

    @Test
    void paddingStrideAndRelu() {
        // 3x3 ones kernel, pad 1, stride 2 over the 3x3 input 1..9: the corners see 2x2 windows.
        float[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        float[] w = {1, 1, 1, 1, 1, 1, 1, 1, 1};
        float[] y = new float[4];
        new ScalarConv().conv2d(ConvGeometry.simple(1, 1, 3, 3, 1, 3, 2, 1), x, 0, w, 0, new float[] {-20}, 0,
                y, 0, true, Parallelism.serial());
        assertArrayEquals(new float[] {0, 0, 4, 8}, y); // 12, 16, 24, 28 minus 20, clamped at 0
    }

    @Test
    void groupsUseTheirOwnChannels() {
        // 2 channels, 2 groups, 1x1 kernels: output channel g = w[g] * channel g.
        float[] x = {1, 2, 10, 20};
        float[] y = new float[4];
        ConvGeometry g = new ConvGeometry(1, 2, 1, 2, 2, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 2);
        new ScalarConv().conv2d(g, x, 0, new float[] {3, -1}, 0, null, 0, y, 0, false, Parallelism.serial());
        assertArrayEquals(new float[] {3, 6, -10, -20}, y);
    }

    @Test
    void outputSizeFollowsOnnxFormula() {
        ConvGeometry g = new ConvGeometry(1, 1, 10, 11, 1, 3, 2, 2, 3, 1, 0, 2, 1, 2, 1, 1);
        assertEquals((10 + 3 - 2 * 2 - 1) / 2 + 1, g.outHeight());
        assertEquals((11 + 1 - 1 - 1) / 3 + 1, g.outWidth());
        assertThrows(IllegalArgumentException.class, () -> ConvGeometry.simple(1, 3, 4, 4, 2, 1, 1, 0)
                .equals(new ConvGeometry(1, 3, 4, 4, 2, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 2)));
    }

    @Test
    void im2colMatchesDirect() {
        List<ConvGeometry> geometries = List.of(
                ConvGeometry.simple(2, 3, 9, 11, 5, 3, 1, 1),
                ConvGeometry.simple(1, 8, 7, 7, 16, 1, 1, 0),
                ConvGeometry.simple(1, 4, 13, 10, 6, 1, 2, 0),
                new ConvGeometry(2, 6, 12, 9, 9, 3, 2, 2, 1, 1, 0, 2, 1, 2, 1, 3),
                new ConvGeometry(1, 8, 8, 8, 8, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 8),
                new ConvGeometry(1, 3, 17, 15, 4, 5, 3, 3, 2, 2, 1, 0, 2, 1, 2, 1),
                new ConvGeometry(1, 2, 1, 31, 3, 1, 4, 1, 2, 0, 2, 0, 1, 1, 3, 1),
                ConvGeometry.simple(1, 16, 33, 33, 32, 3, 1, 1));
        Random random = new Random(11);
        Im2colConv fast = new Im2colConv(VectorKernels.gemm());
        for (int i = 0; i < geometries.size(); i++) {
            compare(geometries.get(i), fast, random, i % 2 == 0);
        }
    }

    private static void compare(ConvGeometry g, Conv fast, Random random, boolean withBiasAndRelu) {
        float[] x = values(random, g.inputSize() + 2);
        float[] w = values(random, g.weightSize() + 1);
        float[] bias = withBiasAndRelu ? values(random, g.outChannels() + 3) : null;
        float[] expected = new float[g.outputSize() + 4];
        float[] actual = new float[g.outputSize() + 4];
        new ScalarConv().conv2d(g, x, 2, w, 1, bias, 3, expected, 4, withBiasAndRelu, Parallelism.serial());
        fast.conv2d(g, x, 2, w, 1, bias, 3, actual, 4, withBiasAndRelu, Parallelism.serial());
        double tolerance = 2 * (g.patchSize() + 4) * 0x1p-24 * (g.patchSize() + 1);
        for (int i = 0; i < actual.length; i++) {
            if (!(Math.abs(actual[i] - expected[i]) <= tolerance)) {
                fail(g + " element " + i + ": expected " + expected[i] + ", found " + actual[i]);
            }
        }
    }

    private static float[] values(Random random, int length) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = random.nextFloat() * 2f - 1f;
        }
        return values;
    }
}
