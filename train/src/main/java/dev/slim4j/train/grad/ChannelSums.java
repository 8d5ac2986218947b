package dev.slim4j.train.grad;

import dev.slim4j.kernels.Kernels;

/**
 * One-pass sums over one channel of an {@code [n, c, size]} float array, in double, image by image with
 * {@link dev.slim4j.kernels.Elementwise#moments}: the values are shifted by the channel's first element before
 * squaring (the shifted-data variance, exact enough in double when the shift is a sample), in a fixed order so
 * that a result does not depend on threads.
 */
final class ChannelSums {
    private ChannelSums() {}

    /** {mean, population variance} of channel ch. */
    static double[] moments(float[] x, int n, int c, int size, int ch) {
        double[] sums = sums(x, null, n, c, size, ch);
        return new double[] {sums[0], sums[1]};
    }

    /** {mean, population variance, sum of dy, sum of dy * (x - mean)} of channel ch. */
    static double[] gradientSums(float[] x, double[] dy, int n, int c, int size, int ch) {
        return sums(x, dy, n, c, size, ch);
    }

    private static double[] sums(float[] x, double[] dy, int n, int c, int size, int ch) {
        double shift = n > 0 && size > 0 ? x[ch * size] : 0;
        double[] s = new double[4];
        for (int b = 0; b < n; b++) {
            int off = (b * c + ch) * size;
            Kernels.elementwise().moments(x, off, dy, off, size, shift, s);
        }
        double count = (double) n * size;
        double m = s[0] / count;
        return new double[] {shift + m, Math.max(0, s[1] / count - m * m), s[2], s[3] - m * s[2]};
    }
}
