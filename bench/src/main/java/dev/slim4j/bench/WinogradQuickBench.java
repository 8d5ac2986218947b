package dev.slim4j.bench;

import dev.slim4j.kernels.Activation;
import dev.slim4j.kernels.Conv;
import dev.slim4j.kernels.ConvGeometry;
import dev.slim4j.kernels.Kernels;
import dev.slim4j.kernels.Parallelism;
import dev.slim4j.kernels.WinogradConv;
import dev.slim4j.kernels.WinogradFilter;
import dev.slim4j.kernels.WinogradVariant;
import java.util.Arrays;
import java.util.Random;

/**
 * Winograd F(2x2,3x3) and F(4x4,3x3) against im2col + GEMM on 3x3 stride-1 layers, one thread, side by side in
 * one run (alternating): {@code java --add-modules jdk.incubator.vector -cp ... dev.slim4j.bench.WinogradQuickBench}.
 * Prints median milliseconds, the speed-up over im2col and the relative error against im2col.
 */
public final class WinogradQuickBench {
    /** {@code -Dbest=true}: best of the runs instead of the median (robust on a machine shared with other work). */
    private static final boolean BEST = Boolean.getBoolean("best");

    private WinogradQuickBench() {}

    public static void main(String[] args) {
        int[][] layers = {{1, 32, 28, 28, 32}, {1, 64, 56, 56, 64}, {1, 128, 28, 28, 128}, {1, 256, 14, 14, 256},
                {1, 512, 7, 7, 512}, {1, 64, 14, 14, 64}, {32, 32, 14, 14, 32}, {8, 64, 28, 28, 64}};
        Conv im2col = Kernels.conv();
        WinogradConv f2 = Kernels.winograd(WinogradVariant.F2X2_3X3);
        WinogradConv f4 = Kernels.winograd(WinogradVariant.F4X4_3X3);
        System.out.printf("%-22s %10s %10s %10s %8s %8s %10s%n", "layer (N,C,H,W,M)", "im2col ms", "F2 ms", "F4 ms",
                "F2 x", "F4 x", "F4 relerr");
        for (int[] l : layers) {
            ConvGeometry g = ConvGeometry.simple(l[0], l[1], l[2], l[3], l[4], 3, 1, 1);
            Random r = new Random(1);
            float[] x = random(r, g.inputSize());
            float[] w = random(r, g.weightSize());
            float[] bias = random(r, g.outChannels());
            float[] y0 = new float[g.outputSize()];
            float[] y2 = new float[g.outputSize()];
            float[] y4 = new float[g.outputSize()];
            WinogradFilter u2 = f2.prepare(g, w, 0);
            WinogradFilter u4 = f4.prepare(g, w, 0);
            Runnable a = () -> im2col.conv2d(g, x, 0, w, 0, bias, 0, y0, 0, Activation.relu(), null, 0, Parallelism.serial());
            Runnable b = () -> f2.conv2d(g, x, 0, u2, bias, 0, y2, 0, Activation.relu(), null, 0, Parallelism.serial());
            Runnable c = () -> f4.conv2d(g, x, 0, u4, bias, 0, y4, 0, Activation.relu(), null, 0, Parallelism.serial());
            int reps = (int) Math.max(5, Math.min(200, 2e9 / (2.0 * g.outputSize() * g.patchSize())));
            double[][] t = new double[3][reps];
            for (int i = 0; i < 5; i++) { a.run(); b.run(); c.run(); }
            for (int i = 0; i < reps; i++) {
                t[0][i] = time(a);
                t[1][i] = time(b);
                t[2][i] = time(c);
            }
            double m0 = BEST ? min(t[0]) : median(t[0]);
            double m2 = BEST ? min(t[1]) : median(t[1]);
            double m4 = BEST ? min(t[2]) : median(t[2]);
            System.out.printf("%-22s %10.3f %10.3f %10.3f %8.2f %8.2f %10.2e%n", Arrays.toString(l), m0, m2, m4,
                    m0 / m2, m0 / m4, relErr(y0, y4));
        }
    }

    private static double time(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElseThrow();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double relErr(float[] ref, float[] y) {
        double diff = 0;
        double scale = 0;
        for (int i = 0; i < ref.length; i++) {
            diff = Math.max(diff, Math.abs(ref[i] - y[i]));
            scale = Math.max(scale, Math.abs(ref[i]));
        }
        return diff / scale;
    }

    private static float[] random(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = r.nextFloat() * 2 - 1;
        return v;
    }
}
