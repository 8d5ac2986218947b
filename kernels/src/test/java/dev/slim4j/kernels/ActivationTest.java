package dev.slim4j.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Activations against hand-computed values; GEMM epilogues with every activation and a residual. */
class ActivationTest {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2);

    @AfterAll
    static void stopPool() {
        POOL.shutdown();
    }

    @Test
    void scalarDefinitionsByHand() {
        assertEquals(0f, Activation.relu().apply(-2f));
        assertEquals(6f, Activation.relu6().apply(7f));
        assertEquals(0f, Activation.relu6().apply(-1f));
        assertEquals(-0.2f, Activation.leakyRelu(0.1f).apply(-2f), 1e-7);
        assertEquals(0.9f, Activation.hardSigmoid(0.2f, 0.5f).apply(2f), 1e-7);
        assertEquals(1f, Activation.hardSigmoid(0.2f, 0.5f).apply(5f));
        assertEquals(3f, Activation.hardSwish().apply(3f));
        assertEquals(0f, Activation.hardSwish().apply(-3f), 0f); // -3 * 0 is -0.0, equal to 0 as a value
        assertEquals(2f / 3f, Activation.hardSwish().apply(1f), 1e-7);
        assertEquals(0.5f, Activation.sigmoid().apply(0f));
        assertEquals(0.7615942f, Activation.tanh().apply(1f), 1e-7);
        assertThrows(IllegalArgumentException.class, () -> Activation.clip(1f, 0f));
    }

    @Test
    void vectorActivationsMatchScalar() {
        Random random = new Random(1);
        for (Activation a : RandomFloats.ACTIVATIONS) {
            for (int size : RandomFloats.SIZES) {
                float[] x = RandomFloats.values(random, size + 3);
                for (int i = 0; i < x.length; i++) {
                    x[i] *= 8f; // cover the saturated parts of clip, hard sigmoid and hard swish
                }
                float[] expected = x.clone();
                float[] actual = x.clone();
                a.applyScalar(expected, 1, size + 1);
                ActivationVector.applyRange(a, actual, 1, size + 1);
                RandomFloats.assertClose(expected, actual, 1e-6 * 8, a + " size " + size);
            }
        }
    }

    @Test
    void gemmEpiloguesWithResidualMatchScalar() {
        Random random = new Random(2);
        Gemm small = new VectorGemm(new GemmBlocking(12, 16, 40));
        int index = 0;
        for (Activation a : RandomFloats.ACTIVATIONS) {
            for (Epilogue.Axis axis : Epilogue.Axis.values()) {
                Problem p = new Problem(RandomFloats.SIZES[index % 12], RandomFloats.SIZES[(index + 5) % 12],
                        RandomFloats.SIZES[(index + 3) % 12], index % 2 == 0, index % 3 == 0, random);
                index++;
                float[] bias = p.values(random, 220);
                float[] residual = p.values(random, 3 + p.m * (p.n + 2));
                Epilogue e = switch (axis) {
                    case NONE -> Epilogue.none();
                    case ROW -> Epilogue.rowBias(bias, 3);
                    case COLUMN -> Epilogue.columnBias(bias, 2);
                };
                p.epilogue = e.withActivation(a).withResidual(residual, 3, p.n + 2);
                compare(small, p, index % 2 == 0 ? new Parallelism(POOL, 2) : Parallelism.serial());
            }
        }
    }

    @Test
    void residualAddedBeforeActivationByHand() {
        // 1x1 times 1x1: 2 * 3 = 6, bias -1, residual -10 -> relu(6 - 1 - 10) = 0; without relu -5.
        float[] c = new float[1];
        Epilogue e = Epilogue.rowBias(new float[] {-1f}, 0).withResidual(new float[] {-10f}, 0, 1);
        Kernels.gemm().sgemm(false, false, 1, 1, 1, 1f, new float[] {2f}, 0, 1, new float[] {3f}, 0, 1, 0f, c, 0,
                1, e, Parallelism.serial());
        assertEquals(-5f, c[0]);
        Kernels.gemm().sgemm(false, false, 1, 1, 1, 1f, new float[] {2f}, 0, 1, new float[] {3f}, 0, 1, 0f, c, 0,
                1, e.withRelu(true), Parallelism.serial());
        assertEquals(0f, c[0]);
    }

    private static void compare(Gemm gemm, Problem p, Parallelism parallelism) {
        float[] expected = p.c.clone();
        float[] actual = p.c.clone();
        new ScalarGemm().sgemm(p.transA, p.transB, p.m, p.n, p.k, p.alpha, p.a, p.aOff, p.lda, p.b, p.bOff, p.ldb,
                p.beta, expected, p.cOff, p.ldc, p.epilogue, Parallelism.serial());
        gemm.sgemm(p.transA, p.transB, p.m, p.n, p.k, p.alpha, p.a, p.aOff, p.lda, p.b, p.bOff, p.ldb,
                p.beta, actual, p.cOff, p.ldc, p.epilogue, parallelism);
        RandomFloats.assertClose(expected, actual, p.tolerance() + 1e-6, p + " " + p.epilogue.activation());
    }
}
