package dev.slim4j.train.grad;

import dev.slim4j.ir.op.BatchNormalization;
import dev.slim4j.kernels.Parallelism;
import dev.slim4j.tensor.Tensor;

/**
 * Training-mode BatchNormalization gradients on float arrays, channels split across threads; the same
 * formulas as {@link NormalizationGradient} (sums in double): with xhat = (x - mean) * inv,
 * dx = scale * inv * (dy - mean(dy) - xhat * mean(dy * xhat)), dScale = sum(dy * xhat), dB = sum(dy).
 */
final class FloatNormGradient {
    private FloatNormGradient() {}

    static double[][] training(BatchNormalization op, Tensor x, Tensor scale, double[] dy, Parallelism par) {
        int n = x.shape().dim(0);
        int c = x.shape().dim(1);
        int size = (int) x.shape().sizeBetween(2, x.rank());
        float[] xv = x.floats();
        float[] gamma = scale.floats();
        double[] dx = new double[xv.length];
        double[] dScale = new double[c];
        double[] dBias = new double[c];
        Chunks.run(par, c, (part, from, to) -> {
            for (int ch = from; ch < to; ch++) channel(op, xv, dy, dx, n, c, size, ch, gamma[ch], dScale, dBias);
        });
        return new double[][] {dx, dScale, dBias, null, null};
    }

    private static void channel(BatchNormalization op, float[] x, double[] dy, double[] dx, int n, int c, int size,
                                int ch, float gamma, double[] dScale, double[] dBias) {
        double count = (double) n * size;
        double[] sums = ChannelSums.gradientSums(x, dy, n, c, size, ch);
        double mean = sums[0];
        double sumDy = sums[2];
        double sumDyX = sums[3];
        double inv = 1 / Math.sqrt(sums[1] + op.epsilon());
        double sumDyXhat = sumDyX * inv;
        double k = gamma * inv;
        double meanDy = sumDy / count;
        double meanDyXhat = sumDyXhat / count;
        for (int b = 0; b < n; b++) {
            int off = (b * c + ch) * size;
            for (int i = 0; i < size; i++) {
                double xhat = (x[off + i] - mean) * inv;
                dx[off + i] = k * (dy[off + i] - meanDy - xhat * meanDyXhat);
            }
        }
        dScale[ch] = sumDyXhat;
        dBias[ch] = sumDy;
    }
}
