package dev.slim4j.train.grad;

import dev.slim4j.ir.op.BatchNormalization;
import dev.slim4j.tensor.Tensor;

/**
 * Gradients of BatchNormalization per channel c over the m = N * spatial elements it normalizes.
 * Training (batch statistics): with xhat = (x - mean) / sqrt(var + eps), dB = sum dy, dScale = sum dy * xhat,
 * dx = scale / sqrt(var + eps) * (dy - mean(dy) - xhat * mean(dy * xhat)); the running statistics get none.
 * Inference (running statistics): an affine map per channel, so dx = dy * scale / sqrt(var + eps), and the
 * running mean and variance get their (rarely used) gradients too.
 */
final class NormalizationGradient {
    private NormalizationGradient() {}

    /** Per channel: the mean and population variance used to normalize. */
    private record Statistics(double[] mean, double[] var) {}

    /** The tensors of one BatchNormalization step, and its gradients being filled in channel by channel. */
    private record Work(double[] x, double[] dy, int n, int c, int size, double[] dx, double[][] perChannel) {}

    static double[][] batchNormalization(BatchNormalization op, Step s, double[] dy) {
        Tensor x = s.input(0);
        int n = x.shape().dim(0);
        int c = x.shape().dim(1);
        int size = (int) x.shape().sizeBetween(2, x.rank());
        double[] xv = x.doubles();
        Statistics st = s.training() ? batchStatistics(xv, n, c, size)
                : new Statistics(s.input(3).doubles(), s.input(4).doubles());
        Work w = new Work(xv, dy, n, c, size, new double[xv.length], new double[4][c]);
        for (int ch = 0; ch < c; ch++) {
            double inv = 1 / Math.sqrt(st.var[ch] + op.epsilon());
            channel(w, ch, st.mean[ch], inv, s.input(1).getDouble(ch), s.training());
        }
        double[][] g = w.perChannel;
        return s.training() ? new double[][] {w.dx, g[0], g[1], null, null} : new double[][] {w.dx, g[0], g[1], g[2], g[3]};
    }

    /** Fills dx of channel ch and its dScale, dB, dMean, dVar (slots 0 to 3 of perChannel). */
    private static void channel(Work w, int ch, double mean, double inv, double scale, boolean training) {
        double sumDy = 0;
        double sumDyXhat = 0;
        for (int b = 0; b < w.n; b++) {
            for (int i = 0; i < w.size; i++) {
                int at = (b * w.c + ch) * w.size + i;
                sumDy += w.dy[at];
                sumDyXhat += w.dy[at] * (w.x[at] - mean) * inv;
            }
        }
        double count = (double) w.n * w.size;
        for (int b = 0; b < w.n; b++) {
            for (int i = 0; i < w.size; i++) {
                int at = (b * w.c + ch) * w.size + i;
                double xhat = (w.x[at] - mean) * inv;
                w.dx[at] = training ? scale * inv * (w.dy[at] - sumDy / count - xhat * sumDyXhat / count)
                        : w.dy[at] * scale * inv;
            }
        }
        w.perChannel[0][ch] = sumDyXhat;
        w.perChannel[1][ch] = sumDy;
        w.perChannel[2][ch] = -scale * inv * sumDy;
        w.perChannel[3][ch] = -0.5 * scale * inv * inv * sumDyXhat;
    }

    private static Statistics batchStatistics(double[] x, int n, int c, int size) {
        double[] mean = new double[c];
        double[] var = new double[c];
        double count = (double) n * size;
        for (int ch = 0; ch < c; ch++) {
            double sum = 0;
            for (int b = 0; b < n; b++) for (int i = 0; i < size; i++) sum += x[(b * c + ch) * size + i];
            mean[ch] = sum / count;
            double sq = 0;
            for (int b = 0; b < n; b++) {
                for (int i = 0; i < size; i++) {
                    double d = x[(b * c + ch) * size + i] - mean[ch];
                    sq += d * d;
                }
            }
            var[ch] = sq / count;
        }
        return new Statistics(mean, var);
    }
}
