package dev.slim4j.train.grad;

/**
 * One-pass sums over one channel of an {@code [n, c, size]} float array, in double: the values are shifted by
 * the channel's first element before squaring (the shifted-data variance, exact enough in double when the shift
 * is a sample), and each sum keeps two interleaved partial sums (one chain of dependent adds waits on the adder's
 * latency), added in a fixed order so that a result does not depend on threads.
 */
final class ChannelSums {
    private ChannelSums() {}

    /** {mean, population variance} of channel ch. */
    static double[] moments(float[] x, int n, int c, int size, int ch) {
        double shift = n > 0 && size > 0 ? x[ch * size] : 0;
        double s0 = 0, s1 = 0, q0 = 0, q1 = 0;
        for (int b = 0; b < n; b++) {
            int off = (b * c + ch) * size;
            int end = off + size;
            int i = off;
            for (; i + 1 < end; i += 2) {
                double d0 = x[i] - shift, d1 = x[i + 1] - shift;
                s0 += d0;
                s1 += d1;
                q0 += d0 * d0;
                q1 += d1 * d1;
            }
            if (i < end) {
                double d = x[i] - shift;
                s0 += d;
                q0 += d * d;
            }
        }
        double count = (double) n * size;
        double m = (s0 + s1) / count;
        return new double[] {shift + m, Math.max(0, (q0 + q1) / count - m * m)};
    }

    /** {mean, population variance, sum of dy, sum of dy * (x - mean)} of channel ch. */
    static double[] gradientSums(float[] x, double[] dy, int n, int c, int size, int ch) {
        double shift = n > 0 && size > 0 ? x[ch * size] : 0;
        double s0 = 0, s1 = 0, q0 = 0, q1 = 0, g0 = 0, g1 = 0, h0 = 0, h1 = 0;
        for (int b = 0; b < n; b++) {
            int off = (b * c + ch) * size;
            int end = off + size;
            int i = off;
            for (; i + 1 < end; i += 2) {
                double d0 = x[i] - shift, d1 = x[i + 1] - shift;
                s0 += d0;
                s1 += d1;
                q0 += d0 * d0;
                q1 += d1 * d1;
                g0 += dy[i];
                g1 += dy[i + 1];
                h0 += dy[i] * d0;
                h1 += dy[i + 1] * d1;
            }
            if (i < end) {
                double d = x[i] - shift;
                s0 += d;
                q0 += d * d;
                g0 += dy[i];
                h0 += dy[i] * d;
            }
        }
        double count = (double) n * size;
        double m = (s0 + s1) / count;
        double sumDy = g0 + g1;
        return new double[] {shift + m, Math.max(0, (q0 + q1) / count - m * m), sumDy, (h0 + h1) - m * sumDy};
    }
}
