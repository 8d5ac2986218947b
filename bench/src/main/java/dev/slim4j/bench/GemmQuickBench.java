package dev.slim4j.bench;

import dev.slim4j.kernels.Epilogue;
import dev.slim4j.kernels.Gemm;
import dev.slim4j.kernels.GemmBlocking;
import dev.slim4j.kernels.Kernels;
import dev.slim4j.kernels.Parallelism;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A fast GEMM measurement without JMH: {@code java --add-modules jdk.incubator.vector -cp ... 
 * dev.slim4j.bench.GemmQuickBench [size] [threads] [repeats] [mc kc nc]}. Prints best and median GFLOP/s.
 */
public final class GemmQuickBench {
    private GemmQuickBench() {}

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        GemmBlocking blocking = args.length > 5
                ? new GemmBlocking(Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]))
                : GemmBlocking.defaults();
        Gemm gemm = Kernels.vectorGemm(blocking);
        float[] a = random(size * size, 1);
        float[] b = random(size * size, 2);
        float[] c = new float[size * size];
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads - 1));
        try {
            Parallelism parallelism = new Parallelism(pool, threads);
            double[] gflops = new double[repeats];
            for (int warm = 0; warm < 5; warm++) {
                run(gemm, size, a, b, c, parallelism);
            }
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                run(gemm, size, a, b, c, parallelism);
                gflops[r] = 2.0 * size * size * size / (System.nanoTime() - t0);
            }
            Arrays.sort(gflops);
            System.out.printf("%s size=%d threads=%d best=%.1f median=%.1f GFLOP/s%n", gemm.name(), size, threads,
                    gflops[repeats - 1], gflops[repeats / 2]);
        } finally {
            pool.shutdown();
        }
    }

    private static void run(Gemm gemm, int n, float[] a, float[] b, float[] c, Parallelism parallelism) {
        gemm.sgemm(false, false, n, n, n, 1f, a, 0, n, b, 0, n, 0f, c, 0, n,
                Epilogue.none(), parallelism);
    }

    static float[] random(int length, long seed) {
        Random random = new Random(seed);
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = random.nextFloat() * 2f - 1f;
        }
        return values;
    }
}
