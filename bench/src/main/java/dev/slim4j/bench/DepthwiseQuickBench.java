package dev.slim4j.bench;

import dev.slim4j.kernels.Activation;
import dev.slim4j.kernels.ConvGeometry;
import dev.slim4j.kernels.DepthwiseConv;
import dev.slim4j.kernels.Kernels;
import dev.slim4j.kernels.Parallelism;
import java.util.Arrays;
import java.util.Random;

/**
 * The FP32 depthwise kernel on the 3x3 layers of the zoo's MobileNetV2 at batch 32, one thread:
 * {@code java --add-modules jdk.incubator.vector -cp ... dev.slim4j.bench.DepthwiseQuickBench}.
 * Prints the best of the runs in milliseconds and GMAC/s per layer.
 */
public final class DepthwiseQuickBench {
    private DepthwiseQuickBench() {}

    public static void main(String[] args) {
        // batch, channels, height (= width), stride
        int[][] layers = {{32, 32, 28, 1}, {32, 96, 28, 2}, {32, 144, 14, 1}, {32, 144, 14, 2}, {32, 192, 7, 1},
                {32, 384, 7, 1}, {32, 576, 7, 2}, {32, 960, 4, 1}};
        DepthwiseConv kernel = Kernels.depthwiseConv();
        System.out.printf("%s%n%-20s %10s %10s%n", kernel.name(), "layer (N,C,H,s)", "ms", "GMAC/s");
        double total = 0;
        for (int[] l : layers) {
            int n = l[0], c = l[1], h = l[2], s = l[3];
            ConvGeometry g = new ConvGeometry(n, c, h, h, c, 3, 3, s, s, 1, 1, 1, 1, 1, 1, c);
            Random r = new Random(1);
            float[] x = random(r, g.inputSize());
            float[] w = random(r, g.weightSize());
            float[] bias = random(r, c);
            float[] y = new float[g.outputSize()];
            Runnable run = () -> kernel.depthwise(g, x, 0, w, 0, bias, 0, y, 0, Activation.relu(), null, 0,
                    Parallelism.serial());
            double macs = (double) g.outputSize() * 9;
            int reps = (int) Math.max(10, Math.min(300, 3e9 / macs));
            for (int i = 0; i < 10; i++) run.run();
            double[] t = new double[reps];
            for (int i = 0; i < reps; i++) {
                long t0 = System.nanoTime();
                run.run();
                t[i] = (System.nanoTime() - t0) / 1e6;
            }
            double best = Arrays.stream(t).min().orElseThrow();
            total += best;
            System.out.printf("%-20s %10.3f %10.2f%n", Arrays.toString(l), best, macs / best / 1e6);
        }
        System.out.printf("%-20s %10.3f%n", "total", total);
    }

    private static float[] random(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) r.nextGaussian();
        return v;
    }
}
