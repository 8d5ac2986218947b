package dev.slim4j.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Gemm#sgemmRows} (B through a row table, rows overlapping as in a convolution's shifted windows): the
 * scalar version against the plain scalar GEMM on B copied out row by row, the vector one against the scalar one.
 */
class GemmRowsDifferentialTest {
    private static final int[] SIZES = {1, 3, 7, 8, 13, 15, 16, 17, 31, 33, 100, 207};
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2);
    private static final Gemm SMALL_BLOCKS = new VectorGemm(new GemmBlocking(12, 16, 40));
    private static final Gemm DEFAULT_BLOCKS = VectorKernels.gemm();

    @AfterAll
    static void stopPool() {
        POOL.shutdown();
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (int i = 0; i < SIZES.length; i++) {
            for (int shift = 0; shift < 2; shift++) {
                int index = 2 * i + shift;
                cases.add(Arguments.of(SIZES[i], SIZES[(i + 1 + 3 * shift) % SIZES.length],
                        SIZES[(i + 5 + 5 * shift) % SIZES.length], index % 2 == 1, index));
                cases.add(Arguments.of(SIZES[(i + 7) % SIZES.length], SIZES[i], SIZES[(i + 3) % SIZES.length],
                        index % 2 == 0, index + 100));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "m={0} n={1} k={2} transB={3}")
    @MethodSource("cases")
    void matchesPlainGemmOnCopiedRows(int m, int n, int k, boolean transB, int seed) {
        Random random = new Random(seed);
        int rows = transB ? n : k;
        int cols = transB ? k : n;
        float[] b = values(random, rows + cols + 11);
        int[] table = new int[rows];
        for (int r = 0; r < rows; r++) table[r] = random.nextInt(b.length - cols + 1);
        float[] copied = new float[rows * cols];
        for (int r = 0; r < rows; r++) System.arraycopy(b, table[r], copied, r * cols, cols);
        boolean transA = seed % 3 == 0;
        float[] a = values(random, m * k);
        float[] c = values(random, m * n + 2);
        float alpha = seed % 4 == 0 ? 1f : 0.75f;
        float beta = seed % 5 == 0 ? 0f : 1f;
        Epilogue e = seed % 2 == 0 ? Epilogue.none() : Epilogue.rowBias(values(random, m), 0).withRelu(true);
        float[] expected = c.clone();
        new ScalarGemm().sgemm(transA, transB, m, n, k, alpha, a, 0, transA ? m : k, copied, 0, cols, beta,
                expected, 1, n, e, Parallelism.serial());
        float[] scalar = c.clone();
        new ScalarGemm().sgemmRows(transA, transB, m, n, k, alpha, a, 0, transA ? m : k, b, table, beta,
                scalar, 1, n, e, Parallelism.serial());
        for (int i = 0; i < c.length; i++) assertEquals(expected[i], scalar[i], 0f, "element " + i);
        Gemm gemm = seed % 2 == 0 ? SMALL_BLOCKS : DEFAULT_BLOCKS;
        Parallelism par = seed % 3 == 1 ? new Parallelism(POOL, 2) : Parallelism.serial();
        float[] vector = c.clone();
        gemm.sgemmRows(transA, transB, m, n, k, alpha, a, 0, transA ? m : k, b, table, beta, vector, 1, n, e, par);
        double tolerance = 2 * (k + 4) * 0x1p-24 * (k + 2) + 1e-30;
        for (int i = 0; i < c.length; i++) {
            if (!(Math.abs(vector[i] - scalar[i]) <= tolerance)) {
                fail("element " + i + ": expected " + scalar[i] + ", found " + vector[i] + " (tolerance " + tolerance + ")");
            }
        }
    }

    @Test
    void rejectsARowPastTheArray() {
        float[] b = new float[10];
        assertThrows(IndexOutOfBoundsException.class, () -> DEFAULT_BLOCKS.sgemmRows(false, false, 2, 4, 2, 1f,
                new float[4], 0, 2, b, new int[] {0, 7}, 0f, new float[8], 0, 4, Epilogue.none(), Parallelism.serial()));
        assertThrows(IllegalArgumentException.class, () -> DEFAULT_BLOCKS.sgemmRows(false, false, 2, 4, 2, 1f,
                new float[4], 0, 2, b, new int[] {0}, 0f, new float[8], 0, 4, Epilogue.none(), Parallelism.serial()));
    }

    private static float[] values(Random random, int length) {
        float[] v = new float[length];
        for (int i = 0; i < length; i++) v[i] = random.nextFloat() * 2f - 1f;
        return v;
    }
}
