package dev.slim4j.train.grad;

/**
 * Sums over one channel of an {@code [n, c, size]} float array in double, with four interleaved partial sums
 * (one long chain of dependent adds waits on the adder's latency; four keep it busy), added in a fixed order
 * so a result does not depend on threads.
 */
final class ChannelSums {
    private ChannelSums() {}

    /** Sum of x over channel ch. */
    static double sum(float[] x, int n, int c, int size, int ch) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (int b = 0; b < n; b++) {
            int off = (b * c + ch) * size;
            int end = off + size;
            int i = off;
            for (; i + 3 < end; i += 4) {
                s0 += x[i];
                s1 += x[i + 1];
                s2 += x[i + 2];
                s3 += x[i + 3];
            }
            for (; i < end; i++) s0 += x[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Sum of (x - mean)^2 over channel ch. */
    static double squares(float[] x, double mean, int n, int c, int size, int ch) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (int b = 0; b < n; b++) {
            int off = (b * c + ch) * size;
            int end = off + size;
            int i = off;
            for (; i + 3 < end; i += 4) {
                double d0 = x[i] - mean, d1 = x[i + 1] - mean, d2 = x[i + 2] - mean, d3 = x[i + 3] - mean;
                s0 += d0 * d0;
                s1 += d1 * d1;
                s2 += d2 * d2;
                s3 += d3 * d3;
            }
            for (; i < end; i++) {
                double d = x[i] - mean;
                s0 += d * d;
            }
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {sum of dy, sum of dy * (x - mean)} over channel ch. */
    static double[] gradientSums(float[] x, double[] dy, double mean, int n, int c, int size, int ch) {
        double a0 = 0, a1 = 0, b0 = 0, b1 = 0;
        for (int b = 0; b < n; b++) {
            int off = (b * c + ch) * size;
            int end = off + size;
            int i = off;
            for (; i + 1 < end; i += 2) {
                a0 += dy[i];
                a1 += dy[i + 1];
                b0 += dy[i] * (x[i] - mean);
                b1 += dy[i + 1] * (x[i + 1] - mean);
            }
            for (; i < end; i++) {
                a0 += dy[i];
                b0 += dy[i] * (x[i] - mean);
            }
        }
        return new double[] {a0 + a1, b0 + b1};
    }
}
