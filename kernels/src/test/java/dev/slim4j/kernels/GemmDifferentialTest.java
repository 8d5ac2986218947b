package dev.slim4j.kernels;

import static org.junit.jupiter.api.Assertions.assertTrue;
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

/** The vector GEMM against the scalar reference on odd sizes, transposes, alpha/beta, offsets and strides. */
class GemmDifferentialTest {
    private static final int[] SIZES = {1, 3, 7, 8, 13, 15, 16, 17, 31, 33, 100, 207};
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2);
    // Small blocking so that the k, m and n block loops and their tails all run on these sizes.
    private static final Gemm SMALL_BLOCKS = new VectorGemm(new GemmBlocking(12, 16, 40));
    private static final Gemm DEFAULT_BLOCKS = VectorKernels.gemm();

    @AfterAll
    static void stopPool() {
        POOL.shutdown();
    }

    /** Every size appears in every dimension; the other two cycle through the list with different strides. */
    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        int index = 0;
        for (int i = 0; i < SIZES.length; i++) {
            for (int shift = 0; shift < 4; shift++) {
                int m = SIZES[i];
                int n = SIZES[(i + 1 + 3 * shift) % SIZES.length];
                int k = SIZES[(i + 5 + 5 * shift) % SIZES.length];
                int[][] orders = {{m, n, k}, {n, k, m}, {k, m, n}};
                for (int[] mnk : orders) {
                    cases.add(Arguments.of(mnk[0], mnk[1], mnk[2], index % 2 == 1, index % 4 >= 2, index));
                    index++;
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "m={0} n={1} k={2} transA={3} transB={4}")
    @MethodSource("cases")
    void matchesScalar(int m, int n, int k, boolean transA, boolean transB, int seed) {
        Parallelism parallelism = seed % 3 == 0 ? new Parallelism(POOL, 3) : Parallelism.serial();
        Gemm gemm = seed % 2 == 0 ? SMALL_BLOCKS : DEFAULT_BLOCKS;
        compare(gemm, new Problem(m, n, k, transA, transB, new Random(seed)), parallelism);
    }

    @Test
    void matchesScalarAt1024OnTwoThreads() {
        compare(DEFAULT_BLOCKS, new Problem(1024, 1024, 1024, false, false, new Random(42)),
                new Parallelism(POOL, 2));
    }

    @Test
    void epiloguesMatchScalar() {
        Random random = new Random(7);
        for (Epilogue.Axis axis : Epilogue.Axis.values()) {
            for (boolean relu : new boolean[] {false, true}) {
                Problem p = new Problem(37, 45, 29, relu, !relu, random);
                float[] bias = p.values(random, 50);
                Epilogue e = switch (axis) {
                    case NONE -> Epilogue.none();
                    case ROW -> Epilogue.rowBias(bias, 3);
                    case COLUMN -> Epilogue.columnBias(bias, 2);
                };
                p.epilogue = e.withRelu(relu);
                compare(SMALL_BLOCKS, p, new Parallelism(POOL, 2));
            }
        }
    }

    @Test
    void betaZeroDoesNotReadC() {
        Problem p = new Problem(20, 19, 18, false, false, new Random(3));
        p.beta = 0f;
        java.util.Arrays.fill(p.c, Float.NaN);
        compare(SMALL_BLOCKS, p, Parallelism.serial());
    }

    @Test
    void emptyDepthScalesC() {
        compare(SMALL_BLOCKS, new Problem(9, 17, 0, false, true, new Random(5)), Parallelism.serial());
    }

    /** The plain call and the call with a prepared left operand, each against the scalar definition. */
    private static void compare(Gemm gemm, Problem p, Parallelism parallelism) {
        float[] expected = p.c.clone();
        new ScalarGemm().sgemm(p.transA, p.transB, p.m, p.n, p.k, p.alpha, p.a, p.aOff, p.lda, p.b, p.bOff, p.ldb,
                p.beta, expected, p.cOff, p.ldc, p.epilogue, Parallelism.serial());
        float[] actual = p.c.clone();
        gemm.sgemm(p.transA, p.transB, p.m, p.n, p.k, p.alpha, p.a, p.aOff, p.lda, p.b, p.bOff, p.ldb,
                p.beta, actual, p.cOff, p.ldc, p.epilogue, parallelism);
        check(p, expected, actual, "plain");
        float[] prepared = p.c.clone();
        PreparedLeft left = gemm.prepareLeft(p.transA, p.m, p.k, p.alpha, p.a, p.aOff, p.lda);
        gemm.sgemm(left, p.transB, p.n, p.b, p.bOff, p.ldb, p.beta, prepared, p.cOff, p.ldc, p.epilogue, parallelism);
        check(p, expected, prepared, "prepared left");
    }

    private static void check(Problem p, float[] expected, float[] actual, String mode) {
        double tolerance = p.tolerance();
        for (int idx = 0; idx < actual.length; idx++) {
            boolean inC = p.isInC(idx);
            if (!inC && Float.compare(actual[idx], p.c[idx]) != 0) {
                fail("element " + idx + " outside C changed from " + p.c[idx] + " to " + actual[idx]);
            }
            if (inC && !(Math.abs(actual[idx] - expected[idx]) <= tolerance)) {
                fail(mode + ": C element " + idx + " of " + p + ": expected " + expected[idx] + ", found " + actual[idx]
                        + " (tolerance " + tolerance + ")");
            }
        }
        assertTrue(tolerance > 0);
    }
}
