package dev.slim4j.bench;

import dev.slim4j.kernels.CsrMatrix;
import dev.slim4j.kernels.Epilogue;
import dev.slim4j.kernels.Gemm;
import dev.slim4j.kernels.Kernels;
import dev.slim4j.kernels.Parallelism;
import dev.slim4j.kernels.SparseGemm;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The CSR GEMM against the dense GEMM on fully connected layers {@code Y[batch, out] = X[batch, in] W^T} (the
 * runtime's Gemm with transB), over weight densities, alternating the two in one run in blocks of 20 timed runs
 * (after 5 untimed ones, so each variant is timed with its own operands in cache); best of the runs:
 * {@code java --add-modules jdk.incubator.vector -cp bench/target/classes:kernels/target/classes:tensor/target/classes
 * dev.slim4j.bench.SparseGemmQuickBench [THREADS] [ROUNDS]}. Prints dense ms, sparse ms and dense/sparse per
 * density; above 1 the sparse kernel wins.
 */
public final class SparseGemmQuickBench {
    private static final int BLOCK = 20;
    private static final double[] DENSITIES = {0.5, 0.3, 0.25, 0.2, 0.15, 0.1, 0.07, 0.05, 0.01};
    private static final int[][] LAYERS = {{300, 784}, {100, 300}, {10, 100}, {500, 784}, {1024, 1024}};
    private static final int[] BATCHES = {1, 32};
    private static final int[][] POINTWISE = {{16, 32, 3136}, {64, 64, 784}, {128, 128, 196}, {256, 256, 49},
            {64, 128, 784}};

    private SparseGemmQuickBench() {}

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads - 1));
        Parallelism par = threads == 1 ? Parallelism.serial() : new Parallelism(pool, threads);
        Gemm dense = Kernels.gemm();
        SparseGemm sparse = Kernels.sparseGemm();
        System.out.println("dense " + dense.name() + ", sparse " + sparse.name() + ", threads " + threads
                + ", best of " + rounds);
        System.out.printf("%-12s %5s", "out x in", "batch");
        for (double d : DENSITIES) System.out.printf(" %14s", "d=" + d);
        System.out.println("   (sparse ms | best dense / sparse)");
        for (int[] l : LAYERS) {
            for (int batch : BATCHES) row(l[0], l[1], batch, rounds, dense, sparse, par);
        }
        System.out.println("1x1 convolutions Y[out, HW] = W[out, in] X[in, HW], one image (out x in, HW in the batch column):");
        for (int[] l : POINTWISE) pointwise(l[0], l[1], l[2], rounds, dense, sparse, par);
        pool.shutdown();
    }

    private static void row(int out, int in, int batch, int rounds, Gemm dense, SparseGemm sparse, Parallelism par) {
        Random r = new Random(1);
        float[] w = random(r, out * in);
        float[] x = random(r, batch * in);
        float[] bias = random(r, out);
        float[] y = new float[batch * out];
        Epilogue e = Epilogue.columnBias(bias, 0).withRelu(true);
        Epilogue rowE = Epilogue.rowBias(bias, 0).withRelu(true);
        Runnable d = () -> dense.sgemm(false, true, batch, out, in, 1f, x, 0, in, w, 0, in, 0f, y, 0, out, e, par);
        StringBuilder line = new StringBuilder(String.format("%-12s %5d", out + "x" + in, batch));
        double denseBest = Double.MAX_VALUE;
        double[] sparseBest = new double[DENSITIES.length];
        int col = 0;
        for (double density : DENSITIES) {
            CsrMatrix a = CsrMatrix.fromDense(prune(w, density, r), 0, out, in, in);
            Runnable s = () -> sparse.multiply(a, batch, true, x, 0, in, true, y, 0, out, rowE, par);
            long warm = System.nanoTime();
            while (System.nanoTime() - warm < 300_000_000L) { d.run(); s.run(); }
            double[] td = new double[rounds];
            double[] ts = new double[rounds];
            for (int i = 0; i < rounds; i += BLOCK) {
                block(d, td, i);
                block(s, ts, i);
            }
            double bd = min(td);
            double bs = min(ts);
            denseBest = Math.min(denseBest, bd);
            sparseBest[col++] = bs;
        }
        for (double bs : sparseBest) line.append(String.format(" %7.4f|%5.2f", bs, denseBest / bs));
        System.out.println(line + String.format("   dense %.4f ms", denseBest));
    }

    /** A 1x1 convolution of one image: the dense GEMM on X [in, HW] as the conv rule runs it, against CSR. */
    private static void pointwise(int out, int in, int hw, int rounds, Gemm dense, SparseGemm sparse, Parallelism par) {
        Random r = new Random(2);
        float[] w = random(r, out * in);
        float[] x = random(r, in * hw);
        float[] bias = random(r, out);
        float[] y = new float[out * hw];
        Epilogue e = Epilogue.rowBias(bias, 0).withRelu(true);
        Runnable d = () -> dense.sgemm(false, false, out, hw, in, 1f, w, 0, in, x, 0, hw, 0f, y, 0, hw, e, par);
        StringBuilder line = new StringBuilder(String.format("%-12s %5d", out + "x" + in, hw));
        double denseBest = Double.MAX_VALUE;
        double[] sparseBest = new double[DENSITIES.length];
        for (int c = 0; c < DENSITIES.length; c++) {
            CsrMatrix a = CsrMatrix.fromDense(prune(w, DENSITIES[c], r), 0, out, in, in);
            Runnable s = () -> sparse.multiply(a, hw, false, x, 0, hw, false, y, 0, hw, e, par);
            long warm = System.nanoTime();
            while (System.nanoTime() - warm < 300_000_000L) { d.run(); s.run(); }
            double[] td = new double[rounds];
            double[] ts = new double[rounds];
            for (int i = 0; i < rounds; i += BLOCK) {
                block(d, td, i);
                block(s, ts, i);
            }
            denseBest = Math.min(denseBest, min(td));
            sparseBest[c] = min(ts);
        }
        for (double bs : sparseBest) line.append(String.format(" %7.4f|%5.2f", bs, denseBest / bs));
        System.out.println(line + String.format("   dense %.4f ms", denseBest));
    }

    /** W with each element kept with probability {@code density}. */
    private static float[] prune(float[] w, double density, Random r) {
        float[] p = w.clone();
        for (int i = 0; i < p.length; i++) if (r.nextDouble() >= density) p[i] = 0f;
        return p;
    }

    /** Five untimed runs (reloading this variant's operands into cache), then up to BLOCK timed ones from {@code from}. */
    private static void block(Runnable r, double[] times, int from) {
        for (int i = 0; i < 5; i++) r.run();
        for (int i = from; i < Math.min(times.length, from + BLOCK); i++) times[i] = time(r);
    }

    private static double time(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElseThrow();
    }

    private static float[] random(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = r.nextFloat() * 2 - 1;
        return v;
    }
}
