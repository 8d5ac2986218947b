package dev.slim4j.bench;

import dev.slim4j.kernels.Activation;
import dev.slim4j.kernels.Conv;
import dev.slim4j.kernels.ConvGeometry;
import dev.slim4j.kernels.DirectConv;
import dev.slim4j.kernels.DirectConvFilter;
import dev.slim4j.kernels.Kernels;
import dev.slim4j.kernels.Parallelism;
import dev.slim4j.kernels.WinogradConv;
import dev.slim4j.kernels.WinogradFilter;
import dev.slim4j.kernels.WinogradVariant;
import java.util.Random;

/**
 * The direct (stride-phase layout) convolution against im2col + GEMM and Winograd F(4x4,3x3) on the conv layers
 * of the zoo and torchvision models, one thread, alternating in one run: {@code java --add-modules
 * jdk.incubator.vector -cp ... dev.slim4j.bench.DirectConvQuickBench}. Prints median (or with {@code -Dbest=true}
 * best) milliseconds, direct's GMAC/s and its speed-up over the others.
 */
public final class DirectConvQuickBench {
    private static final boolean BEST = Boolean.getBoolean("best");

    private DirectConvQuickBench() {}

    public static void main(String[] args) {
        // batch, channels, height, width, out channels, kernel, stride, pad
        int[][] layers = {
            {32, 16, 28, 28, 16, 3, 1, 1}, {32, 32, 14, 14, 32, 3, 1, 1}, {32, 64, 7, 7, 64, 3, 1, 1},
            {32, 16, 28, 28, 32, 3, 2, 1}, {32, 16, 28, 28, 32, 1, 2, 0}, {32, 1, 28, 28, 16, 3, 1, 1},
            {32, 16, 14, 14, 96, 1, 1, 0}, {32, 96, 14, 14, 24, 1, 1, 0}, {32, 144, 7, 7, 32, 1, 1, 0},
            {1, 64, 56, 56, 64, 3, 1, 1}, {1, 128, 28, 28, 128, 3, 1, 1}, {1, 256, 14, 14, 256, 3, 1, 1},
            {1, 512, 7, 7, 512, 3, 1, 1}, {1, 3, 224, 224, 64, 7, 2, 3}, {1, 64, 56, 56, 128, 3, 2, 1},
            {1, 64, 55, 55, 16, 1, 1, 0}, {1, 16, 55, 55, 64, 3, 1, 1}, {1, 512, 13, 13, 1000, 1, 1, 0}};
        Conv im2col = Kernels.conv();
        WinogradConv f4 = Kernels.winograd(WinogradVariant.F4X4_3X3);
        DirectConv direct = new DirectConv();
        System.out.printf("%-34s %10s %10s %10s %9s %9s %9s %8s%n", "layer (N,C,H,W,M,k,s,p)", "im2col ms", "F4 ms",
                "direct ms", "GMAC/s", "x im2col", "x F4", "alloc B");
        for (int[] l : layers) {
            ConvGeometry g = ConvGeometry.simple(l[0], l[1], l[2], l[3], l[4], l[5], l[6], l[7]);
            Random r = new Random(1);
            float[] x = random(r, g.inputSize());
            float[] w = random(r, g.weightSize());
            float[] bias = random(r, g.outChannels());
            float[] y0 = new float[g.outputSize()];
            float[] y1 = new float[g.outputSize()];
            float[] y2 = new float[g.outputSize()];
            DirectConvFilter filter = direct.prepare(g, w, 0);
            float[] work = new float[(int) DirectConv.workspaceFloats(g)];
            boolean wino = WinogradConv.supports(g) && g.kernelH() == 3;
            WinogradFilter u4 = wino ? f4.prepare(g, w, 0) : null;
            Runnable a = () -> im2col.conv2d(g, x, 0, w, 0, bias, 0, y0, 0, Activation.relu(), null, 0,
                    Parallelism.serial());
            Runnable b = wino ? () -> f4.conv2d(g, x, 0, u4, bias, 0, y1, 0, Activation.relu(), null, 0,
                    Parallelism.serial()) : () -> { };
            Runnable c = () -> direct.conv2d(x, 0, filter, bias, 0, y2, 0, Activation.relu(), null, 0, work, 0,
                    Parallelism.serial());
            double macs = (double) g.outputSize() * g.patchSize();
            int reps = (int) Math.max(5, Math.min(100, 1e9 / macs));
            double[][] t = new double[3][reps];
            for (int i = 0; i < 3; i++) { a.run(); b.run(); c.run(); }
            for (int i = 0; i < reps; i++) {
                t[0][i] = time(a);
                t[1][i] = time(b);
                t[2][i] = time(c);
            }
            var threadBean = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            long before = threadBean.getCurrentThreadAllocatedBytes();
            c.run();
            long allocated = threadBean.getCurrentThreadAllocatedBytes() - before;
            double m0 = QuickStats.pick(t[0], BEST);
            double m1 = QuickStats.pick(t[1], BEST);
            double m2 = QuickStats.pick(t[2], BEST);
            double err = QuickStats.relativeError(y0, y2);
            if (err > 1e-4) throw new AssertionError(java.util.Arrays.toString(l) + ": relative error " + err);
            System.out.printf("%-34s %10.3f %10s %10.3f %9.1f %9.2f %9s %8d%n", java.util.Arrays.toString(l), m0,
                    wino ? String.format("%.3f", m1) : "-", m2, macs / m2 / 1e6, m0 / m2,
                    wino ? String.format("%.2f", m1 / m2) : "-", allocated);
        }
    }

    private static double time(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static float[] random(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = r.nextFloat() * 2 - 1;
        return v;
    }
}
