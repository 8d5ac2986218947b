package dev.slim4j.bench;

import dev.slim4j.kernels.Epilogue;
import dev.slim4j.kernels.Gemm;
import dev.slim4j.kernels.Int8Gemm;
import dev.slim4j.kernels.Int8Weights;
import dev.slim4j.kernels.Kernels;
import dev.slim4j.kernels.Parallelism;
import dev.slim4j.kernels.ScalarInt8Gemm;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The chosen int8 GEMM (native VNNI where available), the plain-Java int8 GEMM and the FP32 SGEMM on the same
 * m x n x k, alternating in one run: {@code java --enable-native-access=ALL-UNNAMED --add-modules
 * jdk.incubator.vector -cp ... dev.slim4j.bench.Int8GemmQuickBench [m n k] [threads]}. Prints GOP/s (best and
 * median; one multiply-add = 2 operations) and the ratio int8 / fp32.
 */
public final class Int8GemmQuickBench {
    private Int8GemmQuickBench() {}

    public static void main(String[] args) throws Exception {
        int m = args.length > 2 ? Integer.parseInt(args[0]) : 1024;
        int n = args.length > 2 ? Integer.parseInt(args[1]) : 1024;
        int k = args.length > 2 ? Integer.parseInt(args[2]) : 1024;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        Random r = new Random(1);
        byte[] a8 = new byte[m * k];
        byte[] b8 = new byte[k * n];
        r.nextBytes(a8);
        r.nextBytes(b8);
        Int8Weights w = Int8Weights.of(b8, 0, k, n);
        int[] c32 = new int[m * n];
        float[] af = new float[m * k];
        float[] bf = new float[k * n];
        float[] cf = new float[m * n];
        for (int i = 0; i < af.length; i++) af[i] = r.nextFloat();
        for (int i = 0; i < bf.length; i++) bf[i] = r.nextFloat();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads - 1));
        try {
            Parallelism par = new Parallelism(pool, threads);
            Int8Gemm int8 = Kernels.int8Gemm();
            Gemm fp32 = Kernels.gemm();
            Runnable i8 = () -> int8.multiply(m, a8, 0, k, w, c32, 0, n, par);
            Runnable f32 = () -> fp32.sgemm(false, false, m, n, k, 1f, af, 0, k, bf, 0, n, 0f, cf, 0, n,
                    Epilogue.none(), par);
            int reps = 20;
            double[][] t = new double[2][reps];
            for (int i = 0; i < 5; i++) { i8.run(); f32.run(); }
            for (int i = 0; i < reps; i++) {
                t[0][i] = seconds(i8);
                t[1][i] = seconds(f32);
            }
            double ops = 2.0 * m * n * k;
            System.out.printf("m=%d n=%d k=%d threads=%d%n", m, n, k, threads);
            report(int8.name(), ops, t[0]);
            report(fp32.name(), ops, t[1]);
            System.out.printf("int8 / fp32 time (medians): %.2f%n", median(t[0]) / median(t[1]));
            if (m * n * (long) k <= 256L * 256 * 256) {
                double[] js = new double[5];
                ScalarInt8Gemm java = new ScalarInt8Gemm();
                for (int i = 0; i < js.length; i++) js[i] = seconds(() -> java.multiply(m, a8, 0, k, w, c32, 0, n, par));
                report(java.name(), ops, js);
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void report(String name, double ops, double[] t) {
        System.out.printf("%-60s best %7.1f  median %7.1f GOP/s%n", name, ops / Arrays.stream(t).min().orElseThrow() / 1e9,
                ops / median(t) / 1e9);
    }

    private static double seconds(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
