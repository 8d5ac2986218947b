package dev.slim4j.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Vector pooling against the scalar definition over odd sizes, pads on every side, strides and ceil mode. */
class PoolingDifferentialTest {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2);

    @AfterAll
    static void stopPool() {
        POOL.shutdown();
    }

    private static List<PoolGeometry> geometries() {
        return List.of(
                PoolGeometry.simple(1, 3, 28, 28, 3, 1, 2), // ONNX's averagepool_2d_pads: pad rows above count
                PoolGeometry.simple(2, 5, 17, 33, 3, 2, 1),
                PoolGeometry.simple(1, 1, 7, 7, 2, 2, 0),
                PoolGeometry.of(1, 4, 13, 31, 3, 5, 2, 3, 1, 2, 0, 1, 1, 1, true),
                PoolGeometry.of(3, 2, 16, 100, 2, 3, 1, 1, 0, 1, 1, 0, 2, 2, false),
                PoolGeometry.simple(1, 8, 64, 64, 3, 2, 1));
    }

    @Test
    void averageAndMaxPoolMatchScalar() {
        Random random = new Random(11);
        Pooling scalar = new ScalarPooling();
        Pooling vector = VectorKernels.pooling();
        for (PoolGeometry g : geometries()) {
            float[] x = RandomFloats.values(random, g.inputSize() + 5);
            for (boolean includePad : new boolean[] {false, true}) {
                float[] expected = new float[g.outputSize() + 3];
                float[] actual = new float[g.outputSize() + 3];
                scalar.averagePool(g, includePad, x, 5, expected, 3, Parallelism.serial());
                vector.averagePool(g, includePad, x, 5, actual, 3, new Parallelism(POOL, 2));
                RandomFloats.assertClose(expected, actual, 1e-6, "average " + g + " includePad " + includePad);
            }
            float[] expected = new float[g.outputSize()];
            float[] actual = new float[g.outputSize()];
            scalar.maxPool(g, x, 5, expected, 0, Parallelism.serial());
            vector.maxPool(g, x, 5, actual, 0, new Parallelism(POOL, 2));
            assertArrayEquals(expected, actual, "max " + g); // max is exact
        }
    }

    @Test
    void averageCountsPadsAboveAndLeftWhenAsked() {
        // 1x1 input of 9 with a 3x3 window and pad 1: the centre output sees 1 of 9 taps.
        PoolGeometry g = PoolGeometry.simple(1, 1, 1, 1, 3, 1, 1);
        float[] y = new float[1];
        VectorKernels.pooling().averagePool(g, true, new float[] {9f}, 0, y, 0, Parallelism.serial());
        assertArrayEquals(new float[] {1f}, y);
        VectorKernels.pooling().averagePool(g, false, new float[] {9f}, 0, y, 0, Parallelism.serial());
        assertArrayEquals(new float[] {9f}, y);
    }

    @Test
    void globalPoolingMatchesScalar() {
        Random random = new Random(12);
        for (int spatial : RandomFloats.SIZES) {
            int planes = 3;
            float[] x = RandomFloats.values(random, planes * spatial + 2);
            float[] expected = new float[planes];
            float[] actual = new float[planes];
            new ScalarPooling().globalAveragePool(planes, spatial, x, 2, expected, 0);
            VectorKernels.pooling().globalAveragePool(planes, spatial, x, 2, actual, 0);
            RandomFloats.assertClose(expected, actual, RandomFloats.sumTolerance(spatial) / spatial + 1e-6,
                    "global average " + spatial);
            new ScalarPooling().globalMaxPool(planes, spatial, x, 2, expected, 0);
            VectorKernels.pooling().globalMaxPool(planes, spatial, x, 2, actual, 0);
            assertArrayEquals(expected, actual, "global max " + spatial);
        }
    }
}
