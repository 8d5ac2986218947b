package dev.slim4j.kernels;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The direct (stride-phase layout) convolution against the scalar reference over odd sizes, asymmetric pads,
 * strides, dilations, channel counts that are not whole register tiles, chunks of several images, residuals,
 * every activation and two threads.
 */
class DirectConvDifferentialTest {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2);

    @AfterAll
    static void stopPool() {
        POOL.shutdown();
    }

    private static final List<ConvGeometry> GEOMETRIES = List.of(
            ConvGeometry.simple(1, 1, 3, 3, 1, 3, 1, 0),
            ConvGeometry.simple(2, 3, 9, 11, 5, 3, 1, 1),
            ConvGeometry.simple(3, 16, 7, 7, 16, 3, 1, 1),
            ConvGeometry.simple(1, 8, 7, 7, 17, 1, 1, 0),
            ConvGeometry.simple(5, 4, 13, 10, 6, 1, 2, 0),
            ConvGeometry.simple(2, 16, 14, 14, 32, 3, 2, 1),
            new ConvGeometry(2, 6, 12, 9, 9, 3, 2, 2, 1, 1, 0, 2, 1, 2, 1, 1),
            new ConvGeometry(1, 3, 17, 15, 4, 5, 3, 3, 2, 2, 1, 0, 2, 1, 2, 1),
            new ConvGeometry(1, 2, 1, 31, 3, 1, 4, 1, 2, 0, 2, 0, 1, 1, 3, 1),
            ConvGeometry.simple(1, 1, 28, 28, 6, 5, 1, 2),
            ConvGeometry.simple(2, 3, 30, 31, 8, 7, 2, 3),
            ConvGeometry.simple(1, 300, 5, 5, 12, 3, 1, 1),
            ConvGeometry.simple(40, 8, 3, 3, 8, 3, 1, 1),
            ConvGeometry.simple(3, 5, 30, 30, 9, 3, 1, 1));

    @Test
    void matchesTheScalarReference() {
        Random random = new Random(5);
        DirectConv direct = new DirectConv();
        int index = 0;
        for (ConvGeometry g : GEOMETRIES) {
            Activation activation = RandomFloats.ACTIVATIONS.get(index % RandomFloats.ACTIVATIONS.size());
            boolean withBias = index % 3 != 1;
            boolean withResidual = index % 2 == 1;
            Parallelism parallelism = index % 4 == 3 ? new Parallelism(POOL, 2) : Parallelism.serial();
            compare(direct, g, random, activation, withBias, withResidual, parallelism);
            index++;
        }
    }

    @Test
    void twoThreadsOnEveryGeometry() {
        Random random = new Random(6);
        DirectConv direct = new DirectConv();
        for (ConvGeometry g : GEOMETRIES) {
            compare(direct, g, random, Activation.relu(), true, true, new Parallelism(POOL, 2));
        }
    }

    /** Workspace left dirty by an earlier call (or the arena) changes nothing: the layout rewrites its padding. */
    @Test
    void dirtyWorkspaceIsHarmless() {
        ConvGeometry g = new ConvGeometry(3, 5, 9, 8, 10, 3, 3, 2, 1, 1, 2, 0, 1, 1, 1, 1);
        Random random = new Random(7);
        DirectConv direct = new DirectConv();
        float[] x = RandomFloats.values(random, g.inputSize());
        float[] w = RandomFloats.values(random, g.weightSize());
        DirectConvFilter filter = direct.prepare(g, w, 0);
        float[] work = new float[(int) DirectConv.workspaceFloats(g)];
        Arrays.fill(work, Float.NaN);
        float[] expected = new float[g.outputSize()];
        float[] actual = new float[g.outputSize()];
        new ScalarConv().conv2d(g, x, 0, w, 0, null, 0, expected, 0, Activation.none(), null, 0,
                Parallelism.serial());
        direct.conv2d(x, 0, filter, null, 0, actual, 0, Activation.none(), null, 0, work, 0, Parallelism.serial());
        RandomFloats.assertClose(expected, actual, tolerance(g), g.toString());
    }

    @Test
    void onlySingleGroup() {
        assertTrue(DirectConv.supports(ConvGeometry.simple(1, 8, 9, 9, 8, 3, 2, 1)));
        ConvGeometry grouped = new ConvGeometry(1, 8, 8, 8, 8, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 2);
        assertFalse(DirectConv.supports(grouped));
        assertThrows(IllegalArgumentException.class, () -> new DirectConv().prepare(grouped, new float[288], 0));
    }

    @Test
    void shortWorkspaceIsRefused() {
        ConvGeometry g = ConvGeometry.simple(1, 2, 5, 5, 3, 3, 1, 1);
        DirectConv direct = new DirectConv();
        DirectConvFilter filter = direct.prepare(g, new float[g.weightSize()], 0);
        float[] work = new float[(int) DirectConv.workspaceFloats(g) - 1];
        assertThrows(IndexOutOfBoundsException.class, () -> direct.conv2d(new float[g.inputSize()], 0, filter, null,
                0, new float[g.outputSize()], 0, Activation.none(), null, 0, work, 0, Parallelism.serial()));
    }

    private static void compare(DirectConv direct, ConvGeometry g, Random random, Activation activation,
                                boolean withBias, boolean withResidual, Parallelism parallelism) {
        float[] x = RandomFloats.values(random, g.inputSize() + 2);
        float[] w = RandomFloats.values(random, g.weightSize() + 1);
        float[] bias = withBias ? RandomFloats.values(random, g.outChannels() + 3) : null;
        float[] residual = withResidual ? RandomFloats.values(random, g.outputSize() + 5) : null;
        float[] expected = new float[g.outputSize() + 4];
        float[] actual = new float[g.outputSize() + 4];
        Arrays.fill(actual, 42f);
        System.arraycopy(actual, 0, expected, 0, 4);
        new ScalarConv().conv2d(g, x, 2, w, 1, bias, 3, expected, 4, activation, residual, 5, Parallelism.serial());
        direct.conv2d(g, x, 2, w, 1, bias, 3, actual, 4, activation, residual, 5, parallelism);
        RandomFloats.assertClose(expected, actual, tolerance(g), g + " " + activation + " threads "
                + parallelism.threads());
    }

    private static double tolerance(ConvGeometry g) {
        return 4 * (g.patchSize() + 4) * 0x1p-24 * (g.patchSize() + 1);
    }
}
