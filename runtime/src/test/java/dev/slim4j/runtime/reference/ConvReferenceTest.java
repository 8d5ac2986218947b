package dev.slim4j.runtime.reference;

import static dev.slim4j.runtime.reference.NnFixtures.assertTensor;
import static dev.slim4j.runtime.reference.NnFixtures.attrs;
import static dev.slim4j.runtime.reference.NnFixtures.dims;
import static dev.slim4j.runtime.reference.NnFixtures.iota;
import static dev.slim4j.runtime.reference.NnFixtures.ints;
import static dev.slim4j.runtime.reference.NnFixtures.random;
import static dev.slim4j.runtime.reference.NnFixtures.run;
import static dev.slim4j.runtime.reference.NnFixtures.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slim4j.ir.AttributeValue;
import dev.slim4j.ir.Attributes;
import dev.slim4j.tensor.ShapeException;
import dev.slim4j.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Conv and ConvTranspose on hand-computed cases, and ConvTranspose checked as Conv's adjoint. */
class ConvReferenceTest {
    @Test void conv2dSumsEachWindowAndAddsBias() {
        // x = 0..8 as 3x3, a 2x2 kernel of ones: window sums 0+1+3+4 = 8, 12, 20, 24; bias 1
        Tensor y = run("Conv", Attributes.EMPTY, iota(1, 1, 3, 3), t(dims(1, 1, 2, 2), 1, 1, 1, 1), t(dims(1), 1));
        assertTensor(dims(1, 1, 2, 2), new double[] {9, 13, 21, 25}, y);
    }

    @Test void conv1dWithDilationAndPadding() {
        // w = [1, 0, -1] dilated by 2 reads x[i-2] - x[i+2]; zeros beyond the ends
        Tensor x = t(dims(1, 1, 5), 1, 2, 3, 4, 5);
        Tensor w = t(dims(1, 1, 3), 1, 0, -1);
        assertTensor(dims(1, 1, 1), new double[] {-4}, run("Conv", attrs("dilations", ints(2)), x, w));
        assertTensor(dims(1, 1, 5), new double[] {-3, -4, -4, 2, 3},
                run("Conv", attrs("dilations", ints(2), "pads", ints(2, 2)), x, w));
    }

    @Test void conv1dWithStride() {
        Tensor x = t(dims(1, 1, 6), 1, 2, 3, 4, 5, 6);
        assertTensor(dims(1, 1, 3), new double[] {3, 7, 11},
                run("Conv", attrs("strides", ints(2)), x, t(dims(1, 1, 2), 1, 1)));
    }

    @Test void autoPadSameUpperPadsAtTheEndAndLowerAtTheStart() {
        Tensor x = t(dims(1, 1, 4), 1, 1, 1, 1);
        Tensor w = t(dims(1, 1, 2), 1, 1);
        assertTensor(dims(1, 1, 4), new double[] {2, 2, 2, 1}, run("Conv", attrs("auto_pad", "SAME_UPPER"), x, w));
        assertTensor(dims(1, 1, 4), new double[] {1, 2, 2, 2}, run("Conv", attrs("auto_pad", "SAME_LOWER"), x, w));
        assertTensor(dims(1, 1, 3), new double[] {2, 2, 2}, run("Conv", attrs("auto_pad", "VALID"), x, w));
    }

    @Test void depthwiseConvScalesEachChannelOnItsOwn() {
        Tensor x = t(dims(1, 2, 2, 2), 1, 2, 3, 4, 5, 6, 7, 8);
        Tensor w = t(dims(2, 1, 1, 1), 2, 3);
        assertTensor(dims(1, 2, 2, 2), new double[] {2, 4, 6, 8, 15, 18, 21, 24},
                run("Conv", attrs("group", 2L), x, w));
    }

    @Test void depthwiseWithMultiplierAndPadding() {
        // each of 2 channels feeds 2 outputs; 3x3 kernels of ones (and twos) over padded 2x2 planes sum the plane
        Tensor x = t(dims(1, 2, 2, 2), 1, 2, 3, 4, 10, 20, 30, 40);
        double[] w = new double[4 * 9];
        for (int i = 0; i < w.length; i++) w[i] = i / 9 + 1;
        Tensor y = run("Conv", attrs("group", 2L, "pads", ints(1, 1, 1, 1)), x, t(dims(4, 1, 3, 3), w));
        assertTensor(dims(1, 4, 2, 2), new double[] {10, 10, 10, 10, 20, 20, 20, 20, 300, 300, 300, 300,
                400, 400, 400, 400}, y);
    }

    @Test void groupsMixOnlyTheirOwnChannels() {
        Tensor x = t(dims(1, 4, 1, 1), 1, 2, 3, 4);
        Tensor w = t(dims(2, 2, 1, 1), 1, 10, 100, 1000);
        assertTensor(dims(1, 2, 1, 1), new double[] {21, 4300}, run("Conv", attrs("group", 2L), x, w));
    }

    @Test void conv3dAndAsymmetricPads() {
        Tensor ones = t(dims(1, 1, 2, 2, 2), 1, 1, 1, 1, 1, 1, 1, 1);
        assertTensor(dims(1, 1, 1, 1, 1), new double[] {8}, run("Conv", Attributes.EMPTY, ones, ones));
        // 1-D pads [1, 0] over [1, 2, 3] with [1, 1]: windows (pad, 1), (1, 2), (2, 3)
        Tensor y = run("Conv", attrs("pads", ints(1, 0)), t(dims(1, 1, 3), 1, 2, 3), t(dims(1, 1, 2), 1, 1));
        assertTensor(dims(1, 1, 3), new double[] {1, 3, 5}, y);
    }

    @Test void mismatchedChannelsAreAShapeError() {
        assertThrows(ShapeException.class,
                () -> run("Conv", Attributes.EMPTY, iota(1, 3, 4, 4), iota(2, 2, 3, 3)));
    }

    @Test void convTransposeScattersEachInputThroughTheKernel() {
        // x = [1, 2], w = [1, 1, 1], stride 2: [1, 1, 1+2, 2, 2]
        Tensor x = t(dims(1, 1, 2), 1, 2);
        Tensor w = t(dims(1, 1, 3), 1, 1, 1);
        assertTensor(dims(1, 1, 5), new double[] {1, 1, 3, 2, 2}, run("ConvTranspose", attrs("strides", ints(2)), x, w));
        // output_padding 1 extends the full result to [1, 1, 3, 2, 2, 0]; pads [1, 1] crop one each side
        assertTensor(dims(1, 1, 4), new double[] {1, 3, 2, 2},
                run("ConvTranspose", attrs("strides", ints(2), "pads", ints(1, 1), "output_padding", ints(1)), x, w));
        // output_shape 6 with bias 10: total padding 5 - 6 = -1, so one zero row is added at the end
        assertTensor(dims(1, 1, 6), new double[] {11, 11, 13, 12, 12, 10},
                run("ConvTranspose", attrs("strides", ints(2), "output_shape", ints(6)), x, w, t(dims(1), 10)));
    }

    @Test void convTransposeIsTheAdjointOfConv2dWithGroupsStridesPadsDilations() {
        Attributes a = attrs("group", 2L, "strides", ints(2, 1), "pads", ints(1, 0, 2, 1), "dilations", ints(1, 2));
        checkAdjoint(a, dims(2, 4, 7, 6), dims(6, 2, 3, 2), new Random(1));
    }

    @Test void convTransposeIsTheAdjointOfConv1dAnd3d() {
        checkAdjoint(attrs("strides", ints(3), "pads", ints(2, 1)), dims(1, 3, 11), dims(2, 3, 4), new Random(2));
        checkAdjoint(attrs("strides", ints(2, 1, 2), "dilations", ints(1, 2, 1), "pads", ints(0, 1, 1, 1, 0, 0)),
                dims(1, 2, 5, 4, 6), dims(2, 2, 2, 2, 3), new Random(3));
    }

    /**
     * <conv(x), y> == <x, convT(y)> for random x and y: the transposed convolution with the same
     * weights, strides, pads and dilations is the adjoint; output_padding restores x's size.
     */
    private static void checkAdjoint(Attributes a, int[] xDims, int[] wDims, Random r) {
        Tensor x = random(r, xDims);
        Tensor w = random(r, wDims);
        Tensor cx = run("Conv", a, x, w);
        Tensor y = random(r, cx.shape().toArray());
        int[] plain = run("ConvTranspose", a, y, w).shape().toArray();
        long[] outputPadding = new long[xDims.length - 2];
        for (int i = 0; i < outputPadding.length; i++) outputPadding[i] = xDims[i + 2] - plain[i + 2];
        Tensor ty = run("ConvTranspose", a.with("output_padding", AttributeValue.ints(outputPadding)), y, w);
        assertEquals(x.shape(), ty.shape());
        double left = dot(cx, y);
        double right = dot(x, ty);
        assertEquals(left, right, 1e-9 * Math.max(1, Math.abs(left)));
    }

    private static double dot(Tensor a, Tensor b) {
        double s = 0;
        for (int i = 0; i < a.size(); i++) s += a.getDouble(i) * b.getDouble(i);
        return s;
    }
}
