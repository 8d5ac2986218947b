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
 * The vector CSR GEMM against the scalar one, and the scalar one against the dense scalar GEMM of the same matrix:
 * odd sizes, sparsities 0 to 100% with empty rows, transposed B and C, offsets, padded leading dimensions,
 * epilogues and threads.
 */
class SparseGemmDifferentialTest {
    private static final int[] SIZES = {1, 3, 7, 8, 13, 15, 16, 17, 31, 33, 100, 207};
    private static final int[] COLUMNS = {1, 2, 7, 15, 16, 17, 31, 32, 33, 64, 100, 300};
    private static final double[] SPARSITIES = {0, 0.5, 0.9, 0.99, 1};
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2);
    private static final SparseGemm VECTOR = VectorKernels.sparseGemm();
    private static final SparseGemm SCALAR = new ScalarSparseGemm();

    @AfterAll
    static void stopPool() {
        POOL.shutdown();
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        int seed = 0;
        for (int i = 0; i < SIZES.length; i++) {
            for (int s = 0; s < SPARSITIES.length; s++) {
                for (int shift = 0; shift < 2; shift++) {
                    int m = SIZES[i];
                    int k = SIZES[(i + 3 + 5 * shift + s) % SIZES.length];
                    int n = COLUMNS[(i + 2 * s + 7 * shift) % COLUMNS.length];
                    cases.add(Arguments.of(m, k, n, SPARSITIES[s], seed % 2 == 1, seed % 4 >= 2, seed));
                    seed++;
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "m={0} k={1} n={2} sparsity={3} transB={4} transC={5}")
    @MethodSource("cases")
    void vectorMatchesScalarAndDense(int m, int k, int n, double sparsity, boolean transB, boolean transC, int seed) {
        Random random = new Random(seed);
        Epilogue e = switch (seed % 3) {
            case 0 -> Epilogue.none();
            case 1 -> Epilogue.rowBias(RandomFloats.values(random, m + 2), 2).withRelu(true);
            default -> Epilogue.columnBias(RandomFloats.values(random, n + 1), 1).withActivation(Activation.tanh());
        };
        Parallelism parallelism = seed % 3 == 2 ? new Parallelism(POOL, 3) : Parallelism.serial();
        compare(new Case(m, k, n, sparsity, transB, transC, random), e, parallelism);
    }

    @Test
    void largeProductOnTwoThreadsWithEmptyRows() {
        Case c = new Case(300, 784, 32, 0.9, true, true, new Random(11));
        compare(c, Epilogue.columnBias(RandomFloats.values(new Random(2), 300), 0), new Parallelism(POOL, 2));
        Case one = new Case(300, 784, 1, 0.9, true, true, new Random(12));
        compare(one, Epilogue.none(), new Parallelism(POOL, 2));
    }

    @Test
    void csrRoundTripsAndCountsBytes() {
        float[] dense = {0, 2, 0, 0, 0, 0, 3, 4, 0};
        CsrMatrix a = CsrMatrix.fromDense(dense, 0, 3, 3, 3);
        assertEquals(3, a.nonZeros());
        assertEquals(3.0 / 9, a.density(), 1e-12);
        assertEquals(4 * 3 + 4 * 3 + 4 * 4, a.bytes());
        assertEquals(List.of(0f, 2f, 0f, 0f, 0f, 0f, 3f, 4f, 0f), boxed(a.toDense()));
        CsrMatrix t = CsrMatrix.fromDenseTransposed(dense, 0, 3, 3, 3);
        assertEquals(List.of(0f, 0f, 3f, 2f, 0f, 4f, 0f, 0f, 0f), boxed(t.toDense()));
        assertEquals(a, CsrMatrix.of(3, 3, new int[] {0, 1, 1, 3}, new int[] {1, 0, 1}, new float[] {2, 3, 4}));
        assertThrows(IllegalArgumentException.class,
                () -> CsrMatrix.of(3, 3, new int[] {0, 1, 1, 3}, new int[] {1, 1, 0}, new float[] {2, 3, 4}));
    }

    @Test
    void rejectsATooSmallOutput() {
        CsrMatrix a = CsrMatrix.fromDense(new float[6], 0, 2, 3, 3);
        assertThrows(IndexOutOfBoundsException.class, () -> VECTOR.multiply(a, 4, false, new float[12], 0, 4,
                false, new float[7], 0, 4, Epilogue.none(), Parallelism.serial()));
    }

    private static List<Float> boxed(float[] values) {
        List<Float> out = new ArrayList<>();
        for (float v : values) out.add(v);
        return out;
    }

    /** A sparse m x k matrix (every third row of a sparse case left empty), B and C with offsets and padding. */
    private static final class Case {
        final int m, k, n, bOff, ldb, cOff, ldc;
        final boolean transB, transC;
        final CsrMatrix a;
        final float[] dense, b, c;

        Case(int m, int k, int n, double sparsity, boolean transB, boolean transC, Random random) {
            this.m = m;
            this.k = k;
            this.n = n;
            this.transB = transB;
            this.transC = transC;
            dense = RandomFloats.values(random, m * k);
            for (int i = 0; i < m; i++) {
                for (int p = 0; p < k; p++) {
                    boolean emptyRow = sparsity > 0 && i % 3 == 1;
                    if (emptyRow || random.nextDouble() < sparsity) dense[i * k + p] = 0f;
                }
            }
            a = CsrMatrix.fromDense(dense, 0, m, k, k);
            bOff = random.nextInt(5);
            ldb = (transB ? k : n) + random.nextInt(3);
            b = RandomFloats.values(random, bOff + (transB ? n : k) * ldb);
            cOff = random.nextInt(5);
            ldc = (transC ? m : n) + random.nextInt(3);
            c = RandomFloats.values(random, cOff + (transC ? n : m) * ldc + 3);
        }

        float[] run(SparseGemm g, Epilogue e, Parallelism p) {
            float[] out = c.clone();
            g.multiply(a, n, transB, b, bOff, ldb, transC, out, cOff, ldc, e, p);
            return out;
        }

        /** The dense scalar GEMM of the same product, stored like C. */
        float[] runDense(Epilogue e) {
            float[] out = c.clone();
            float[] logical = new float[m * n];
            new ScalarGemm().sgemm(false, transB, m, n, k, 1f, dense, 0, Math.max(1, k), b, bOff, ldb, 0f, logical, 0,
                    Math.max(1, n), e, Parallelism.serial());
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) out[transC ? cOff + j * ldc + i : cOff + i * ldc + j] = logical[i * n + j];
            }
            return out;
        }

        boolean inC(int idx) {
            int rel = idx - cOff;
            if (rel < 0) return false;
            int rows = transC ? n : m;
            int cols = transC ? m : n;
            return rel / ldc < rows && rel % ldc < cols;
        }
    }

    private static void compare(Case c, Epilogue e, Parallelism parallelism) {
        float[] scalar = c.run(SCALAR, e, Parallelism.serial());
        float[] vector = c.run(VECTOR, e, parallelism);
        float[] dense = c.runDense(e);
        double tolerance = 1e-6 * (c.k + 4);
        for (int idx = 0; idx < scalar.length; idx++) {
            if (!c.inC(idx)) {
                if (Float.compare(vector[idx], c.c[idx]) != 0 || Float.compare(scalar[idx], c.c[idx]) != 0) {
                    fail("element " + idx + " outside C changed from " + c.c[idx] + " to " + vector[idx] + " / "
                            + scalar[idx]);
                }
                continue;
            }
            if (!(Math.abs(vector[idx] - scalar[idx]) <= tolerance)) {
                fail("C element " + idx + ": scalar " + scalar[idx] + ", vector " + vector[idx] + " (tolerance "
                        + tolerance + ", " + c.a + ")");
            }
            if (!(Math.abs(dense[idx] - scalar[idx]) <= tolerance)) {
                fail("C element " + idx + ": dense " + dense[idx] + ", sparse scalar " + scalar[idx]);
            }
        }
    }
}
