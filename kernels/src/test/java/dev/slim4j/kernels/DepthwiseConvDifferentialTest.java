package dev.slim4j.kernels;

import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Vector depthwise convolution against the scalar one and both against direct convolution with groups. */
class DepthwiseConvDifferentialTest {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2);

    @AfterAll
    static void stopPool() {
        POOL.shutdown();
    }

    private static ConvGeometry depthwise(int batch, int c, int h, int w, int k, int stride, int pad, int dilation) {
        return new ConvGeometry(batch, c, h, w, c, k, k, stride, stride, pad, pad, pad, pad, dilation, dilation, c);
    }

    @Test
    void vectorAndScalarMatchGroupedDirectConvolution() {
        List<ConvGeometry> geometries = List.of(depthwise(1, 3, 7, 7, 3, 1, 1, 1), depthwise(2, 5, 17, 33, 3, 2, 1, 1),
                depthwise(1, 16, 14, 14, 5, 1, 2, 1), depthwise(1, 7, 31, 13, 3, 1, 2, 2),
                depthwise(3, 32, 8, 100, 3, 2, 0, 1), depthwise(1, 4, 1, 1, 3, 1, 1, 1),
                depthwise(2, 9, 28, 28, 3, 2, 1, 1), depthwise(1, 17, 4, 4, 3, 1, 1, 1), depthwise(1, 3, 11, 20, 3, 3, 1, 1),
                depthwise(1, 2, 9, 47, 3, 2, 2, 1), depthwise(2, 40, 6, 6, 3, 1, 1, 1), depthwise(1, 20, 7, 7, 3, 2, 1, 1),
                depthwise(1, 18, 8, 8, 5, 1, 2, 1), depthwise(1, 33, 9, 9, 3, 2, 1, 2));
        Random random = new Random(21);
        int index = 0;
        for (ConvGeometry g : geometries) {
            Activation a = RandomFloats.ACTIVATIONS.get(index++ % RandomFloats.ACTIVATIONS.size());
            float[] x = RandomFloats.values(random, g.inputSize() + 2);
            float[] w = RandomFloats.values(random, g.weightSize() + 1);
            float[] bias = RandomFloats.values(random, g.outChannels());
            float[] residual = RandomFloats.values(random, g.outputSize());
            float[] direct = new float[g.outputSize()];
            float[] scalar = new float[g.outputSize()];
            float[] vector = new float[g.outputSize()];
            new ScalarConv().conv2d(g, x, 2, w, 1, bias, 0, direct, 0, a, residual, 0, Parallelism.serial());
            new ScalarDepthwiseConv().depthwise(g, x, 2, w, 1, bias, 0, scalar, 0, a, residual, 0,
                    Parallelism.serial());
            VectorKernels.depthwise().depthwise(g, x, 2, w, 1, bias, 0, vector, 0, a, residual, 0,
                    new Parallelism(POOL, 2));
            double tol = RandomFloats.sumTolerance(g.kernelH() * g.kernelW() + 2);
            RandomFloats.assertClose(direct, scalar, tol, "scalar depthwise " + g + " " + a);
            RandomFloats.assertClose(scalar, vector, tol, "vector depthwise " + g + " " + a);
        }
    }
}
