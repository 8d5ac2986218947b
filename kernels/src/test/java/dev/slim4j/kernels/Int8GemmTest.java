package dev.slim4j.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The int8 GEMM by hand, and the chosen one (native VNNI or AVX2 where available) exactly equal to the scalar one;
 * the AVX2 kernel also on its own where the CPU has AVX2, so a VNNI machine tests both.
 */
class Int8GemmTest {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2);

    @AfterAll
    static void stopPool() {
        POOL.shutdown();
    }

    @Test
    void scalarByHand() {
        // a = [[255, 1], [0, 2]] (uint8), b = [[-128, 1], [127, -1]] (int8)
        byte[] a = {(byte) 255, 1, 0, 2};
        Int8Weights b = Int8Weights.of(new byte[] {-128, 1, 127, -1}, 0, 2, 2);
        int[] c = new int[4];
        new ScalarInt8Gemm().multiply(2, a, 0, 2, b, c, 0, 2, Parallelism.serial());
        assertArrayEquals(new int[] {255 * -128 + 127, 255 - 1, 254, -2}, c);
        assertArrayEquals(new int[] {-1, 0}, b.columnSums());
    }

    @Test
    void chosenMatchesScalarExactlyOnOddSizes() {
        matchesScalarExactlyOnOddSizes(Kernels.int8Gemm());
    }

    @Test
    void requantizedMatchesTheDefinitionExactlyOnOddSizesAndLayouts() {
        requantizedMatchesTheDefinitionExactly(Kernels.int8Gemm());
    }

    @Test
    void avx2KernelMatchesScalarExactlyWhereTheCpuHasAvx2() throws Exception {
        Int8Gemm gemm = avx2Kernel();
        assertEquals("native-avx2-int8", gemm.name());
        matchesScalarExactlyOnOddSizes(gemm);
        requantizedMatchesTheDefinitionExactly(gemm);
    }

    @Test
    void avx2KernelSumsLongRowsInChunksExactly() throws Exception {
        // k beyond the kernel's chunk of 2048: the sums of one block are carried over between chunks
        Int8Gemm gemm = avx2Kernel();
        Random random = new Random(53);
        for (int k : new int[] {2047, 2048, 2049, 4100, 6145}) {
            int m = 7;
            int n = 70;
            byte[] a = bytes(random, m * k);
            byte[] w = bytes(random, k * n);
            java.util.Arrays.fill(a, 0, k, (byte) 255); // row 0 all 255 against ...
            for (int kk = 0; kk < k; kk++) w[kk * n] = -128; // ... column 0 all -128: -255 * 128 * k
            Int8Weights b = Int8Weights.of(w, 0, k, n);
            int[] expected = new int[m * n];
            int[] actual = new int[m * n];
            new ScalarInt8Gemm().multiply(m, a, 0, k, b, expected, 0, n, Parallelism.serial());
            gemm.multiply(m, a, 0, k, b, actual, 0, n, new Parallelism(POOL, 2));
            assertEquals(-255 * 128 * k, expected[0]);
            assertArrayEquals(expected, actual, "k " + k);
        }
    }

    /**
     * Weights within [-64, 64] take the AVX2 kernel's byte path (vpmaddubsw, which cannot saturate there): 255 x 64
     * twice in one pair (32640, the largest pair sum), odd sizes, one panel of the product holding a weight of 65
     * (the 16-bit path for that call), int32 and requantized results equal to the scalar ones.
     */
    @Test
    void avx2KernelOnSevenBitWeightsMatchesScalarExactly() throws Exception {
        Int8Gemm gemm = avx2Kernel();
        Random random = new Random(54);
        for (int m : new int[] {1, 5, 6, 13, 50, 200}) {
            for (int k : new int[] {1, 3, 4, 9, 25, 64, 150, 2049}) {
                for (int n : new int[] {1, 6, 8, 17, 64, 100}) {
                    byte[] a = bytes(random, m * k);
                    byte[] w = new byte[k * n];
                    for (int i = 0; i < w.length; i++) w[i] = (byte) (random.nextInt(129) - 64);
                    a[0] = (byte) 255;
                    if (k > 1) a[1] = (byte) 255;
                    w[0] = 64;
                    if (k > 1) w[n] = 64; // a pair of 255 x 64: 32640, the largest pair sum
                    if (n > 64 && (m + k) % 2 == 0) w[w.length - 1] = 65; // the second panel not 7-bit
                    Int8Weights b = Int8Weights.of(w, 0, k, n);
                    int[] expected = new int[m * n];
                    int[] actual = new int[m * n];
                    new ScalarInt8Gemm().multiply(m, a, 0, k, b, expected, 0, n, Parallelism.serial());
                    gemm.multiply(m, a, 0, k, b, actual, 0, n, new Parallelism(POOL, 2));
                    String where = "m " + m + " k " + k + " n " + n;
                    assertArrayEquals(expected, actual, where);
                    int[] offset = new int[n];
                    float[] multiplier = new float[n];
                    for (int j = 0; j < n; j++) {
                        offset[j] = random.nextInt(2001) - 1000;
                        multiplier[j] = j % 3 == 0 ? 0.5f : random.nextFloat() * 0.01f;
                    }
                    Requantization rq = new Requantization(offset, multiplier, 7, 0, 255);
                    RequantizedOutput want = RequantizedOutput.planes(new byte[m * n], 0, m, n);
                    RequantizedOutput got = RequantizedOutput.planes(new byte[m * n], 0, m, n);
                    new ScalarInt8Gemm().multiplyRequantized(m, a, 0, k, b, rq, want, Parallelism.serial());
                    gemm.multiplyRequantized(m, a, 0, k, b, rq, got, new Parallelism(POOL, 2));
                    assertArrayEquals(want.data(), got.data(), "requantized " + where);
                }
            }
        }
    }

    /** The AVX2 kernel on its own (also on VNNI machines); the test is skipped without AVX2 or a C compiler. */
    static Int8Gemm avx2Kernel() throws java.io.IOException {
        Assumptions.assumeTrue(cpuFlags().contains(" avx2") && Files.isExecutable(Path.of("/usr/bin/cc")),
                "no AVX2 or no C compiler");
        NativeKernels avx2 = NativeKernels.load(EnumSet.of(NativeInt8Gemm.Variant.AVX2));
        return avx2.int8Gemm().orElseThrow(() -> new AssertionError(avx2.reason()));
    }

    private static String cpuFlags() throws java.io.IOException {
        return Files.readString(Path.of("/proc/cpuinfo"));
    }

    private static void matchesScalarExactlyOnOddSizes(Int8Gemm chosen) {
        Random random = new Random(51);
        int[] sizes = {1, 3, 4, 5, 7, 13, 16, 17, 33, 64, 65, 100, 207};
        for (int m : new int[] {1, 3, 4, 6, 13, 32, 50}) {
            for (int k : sizes) {
                // every width class of the native blocks (<= 16, <= 32, <= 64 columns, several panels) for every m
                int n = m == 50 ? new int[] {1, 16, 17, 32, 33, 64, 65, 100}[Math.floorMod(k, 8)] : sizes[(m + k) % sizes.length];
                byte[] a = bytes(random, m * (k + 3) + 2);
                byte[] w = bytes(random, k * n);
                w[0] = -128; // extremes: 255 x -128 must not saturate
                a[2] = (byte) 255;
                Int8Weights b = Int8Weights.of(w, 0, k, n);
                int[] expected = new int[m * (n + 1) + 1];
                int[] actual = expected.clone();
                new ScalarInt8Gemm().multiply(m, a, 2, k + 3, b, expected, 1, n + 1, Parallelism.serial());
                chosen.multiply(m, a, 2, k + 3, b, actual, 1, n + 1, new Parallelism(POOL, 2));
                assertArrayEquals(expected, actual, chosen.name() + " m " + m + " k " + k + " n " + n);
            }
        }
    }

    private static void requantizedMatchesTheDefinitionExactly(Int8Gemm chosen) {
        Random random = new Random(52);
        Int8Gemm scalar = new ScalarInt8Gemm();
        int[][] ranges = {{0, 255}, {-128, 127}};
        for (int m : new int[] {1, 5, 24, 25, 49, 100, 784}) {
            for (int n : new int[] {1, 3, 16, 17, 32, 33, 64, 65, 130}) {
                int k = new int[] {1, 4, 9, 27, 64, 290}[Math.floorMod(m + n, 6)];
                int[] range = ranges[(m + n) % 2];
                byte[] a = bytes(random, m * k + 1);
                Int8Weights b = Int8Weights.of(bytes(random, k * n), 0, k, n);
                int[] offset = new int[n];
                float[] multiplier = new float[n];
                for (int j = 0; j < n; j++) {
                    offset[j] = random.nextInt(20001) - 10000;
                    // ties (0.5), saturating (large), tiny and ordinary multipliers
                    multiplier[j] = switch (j % 4) {
                        case 0 -> 0.5f;
                        case 1 -> 1e3f;
                        case 2 -> 1e-7f;
                        default -> random.nextFloat() * 0.01f;
                    };
                }
                Requantization rq = new Requantization(offset, multiplier, range[0] == 0 ? 100 : -3, range[0], range[1]);
                int images = 1 + m % 3;
                int spatial = Math.ceilDiv(m, images);
                RequantizedOutput[] layouts = {
                        RequantizedOutput.rows(new byte[m * n + 5], 5, n),
                        RequantizedOutput.planes(new byte[images * spatial * n + 3], 3, spatial, n)};
                for (RequantizedOutput layout : layouts) {
                    RequantizedOutput expected = copyOf(layout);
                    RequantizedOutput actual = copyOf(layout);
                    scalar.multiplyRequantized(m, a, 1, k, b, rq, expected, Parallelism.serial());
                    chosen.multiplyRequantized(m, a, 1, k, b, rq, actual, new Parallelism(POOL, 2));
                    assertArrayEquals(expected.data(), actual.data(), chosen.name() + " m " + m + " n " + n + " k " + k
                            + " channel stride " + layout.channelStride());
                }
            }
        }
    }

    @Test
    void requantizationRoundsHalfToEvenAndSaturates() {
        Requantization rq = new Requantization(new int[] {0, 0, 0}, new float[] {0.5f, 1e9f, Float.NaN}, 10, 0, 255);
        assertEquals(10 + 2, rq.apply(5, 0)); // 2.5 -> 2
        assertEquals(10 + 4, rq.apply(7, 0)); // 3.5 -> 4
        assertEquals((byte) 255, rq.apply(1, 1));
        assertEquals(0, rq.apply(-1, 1));
        assertEquals(10, rq.apply(1, 2)); // NaN -> the zero point
    }

    @Test
    void requantizedOutputRefusesShortArrays() {
        Int8Weights b = Int8Weights.of(new byte[4], 0, 2, 2);
        Requantization rq = new Requantization(new int[2], new float[] {1f, 1f}, 0, 0, 255);
        RequantizedOutput tooShort = RequantizedOutput.planes(new byte[7], 0, 2, 2);
        org.junit.jupiter.api.Assertions.assertThrows(IndexOutOfBoundsException.class,
                () -> Kernels.int8Gemm().multiplyRequantized(4, new byte[8], 0, 2, b, rq, tooShort, Parallelism.serial()));
        RequantizedOutput exact = RequantizedOutput.planes(new byte[8], 0, 2, 2);
        Kernels.int8Gemm().multiplyRequantized(4, new byte[8], 0, 2, b, rq, exact, Parallelism.serial());
    }

    private static RequantizedOutput copyOf(RequantizedOutput o) {
        byte[] data = o.data().clone();
        java.util.Arrays.fill(data, (byte) 0x5A); // untouched bytes must stay as they were
        return new RequantizedOutput(data, o.offset(), o.rowsPerImage(), o.imageStride(), o.channelStride());
    }

    @Test
    void nativeKernelIsUsedWhereTheCpuHasVnniOrAvx2() throws Exception {
        String flags = cpuFlags();
        boolean compiler = Files.isExecutable(Path.of("/usr/bin/cc"));
        String reason = Kernels.int8FallbackReason().orElse("");
        if (compiler && flags.contains("avx512_vnni")) {
            assertEquals("native-vnni-int8", Kernels.int8Gemm().name(), reason);
        } else if (compiler && flags.contains(" avx2")) {
            assertEquals("native-avx2-int8", Kernels.int8Gemm().name(), reason);
        } else {
            assertTrue(Kernels.int8FallbackReason().isPresent());
        }
    }

    private static byte[] bytes(Random random, int n) {
        byte[] v = new byte[n];
        random.nextBytes(v);
        return v;
    }
}
