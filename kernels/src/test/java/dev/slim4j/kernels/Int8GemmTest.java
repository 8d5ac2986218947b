package dev.slim4j.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The int8 GEMM by hand, and the chosen one (native VNNI where available) exactly equal to the scalar one. */
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
        Random random = new Random(51);
        Int8Gemm chosen = Kernels.int8Gemm();
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

    @Test
    void nativeKernelIsUsedWhereTheCpuHasVnni() throws Exception {
        boolean vnni = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/cpuinfo")).contains("avx512_vnni");
        boolean compiler = java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/cc"));
        if (vnni && compiler) {
            assertEquals("native-vnni-int8", Kernels.int8Gemm().name(), Kernels.int8FallbackReason().orElse(""));
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
