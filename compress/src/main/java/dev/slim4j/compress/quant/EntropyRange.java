package dev.slim4j.compress.quant;

import java.util.Arrays;

/**
 * TensorRT's entropy calibration (Migacz, "8-bit Inference with TensorRT", 2017): for each candidate
 * window of histogram bins, P is the window with the values outside it folded into its end bins and Q
 * the window merged into as many groups as the grid has levels and spread back over each group's
 * non-empty bins; the range is the window minimizing KL(P||Q).
 *
 * <p>Spikes are taken out of the window first: a bin holding many more values than the bins around it
 * (exact zeros after a ReLU, an image's background at the minimum, and, after the first convolution of
 * such images, one background constant per channel) is capped at the largest count within two
 * bins of it. NVIDIA's pytorch-quantization does this for the zero bin only. Left as it is, a spike
 * dominates the divergence as soon as it is merged with its neighbours, so the search settles on the
 * smallest window, where each level is one bin and nothing is merged, however much it clips: MobileNetV2
 * on Fashion-MNIST lost 2.6 points that way, its first two ReLU6 outputs clipped to 13% and 26% of their
 * range. Values beyond the window are folded in at their real counts, spikes included, so clipping a
 * spike still costs what it should.
 */
final class EntropyRange {
    private static final double EPSILON = 1e-4;

    private EntropyRange() {}

    /**
     * Symmetric grids: windows [-t, t] centred on zero over the signed histogram (as ONNX Runtime's
     * calibrator searches), {@code levels} per side. The negative and positive tails are not folded
     * onto each other, so a one-sided mass (an input's background) does not pull t down to it.
     */
    static Range symmetric(Histogram h, int levels) {
        long[] counts = h.counts();
        long[] window = withoutSpikes(counts);
        int centre = counts.length / 2;
        int used = 0;
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] != 0) used = Math.max(used, k < centre ? centre - k : k - centre + 1);
        }
        if (used <= levels) return HistogramObserver.clip(h, used * h.width());
        long[] prefix = prefix(counts);
        double best = Double.POSITIVE_INFINITY;
        int bestHalf = used;
        for (int i = levels; i <= used; i++) {
            long left = prefix[centre - i];
            long right = prefix[counts.length] - prefix[centre + i];
            double kl = divergence(window, centre - i, 2 * i, left, right, 2 * levels);
            if (kl < best) {
                best = kl;
                bestHalf = i;
            }
        }
        return HistogramObserver.clip(h, bestHalf * h.width());
    }

    /**
     * Asymmetric grids: the lower end stays at the minimum seen and the search runs over the upper end,
     * on the signed histogram from the minimum's bin up, with the whole grid's levels.
     */
    static Range upper(Histogram h, int levels) {
        long[] counts = h.counts();
        int first = 0;
        while (first < counts.length && counts[first] == 0) first++;
        long[] shifted = Arrays.copyOfRange(counts, first, counts.length);
        long[] window = withoutSpikes(shifted);
        int used = shifted.length;
        while (used > 0 && shifted[used - 1] == 0) used--;
        int bins = used;
        if (used > levels) {
            long[] prefix = prefix(shifted);
            double best = Double.POSITIVE_INFINITY;
            for (int i = levels; i <= used; i++) {
                double kl = divergence(window, 0, i, 0, prefix[used] - prefix[i], levels);
                if (kl < best) {
                    best = kl;
                    bins = i;
                }
            }
        }
        double max = h.lower(first) + bins * h.width();
        return new Range(h.min(), (float) Math.max(h.min(), Math.min(h.max(), max)));
    }

    /**
     * KL(P||Q) for the window {@code counts[from, from + length)}, with {@code left} and {@code right}
     * values outside it folded into its first and last bins of P, Q merged into {@code groups} groups.
     */
    static double divergence(long[] counts, int from, int length, long left, long right, int groups) {
        double[] q = new double[length];
        for (int j = 0; j < groups; j++) {
            int start = (int) ((long) j * length / groups);
            int end = (int) ((long) (j + 1) * length / groups);
            double sum = 0;
            int nonZero = 0;
            for (int k = start; k < end; k++) {
                sum += counts[from + k];
                if (counts[from + k] != 0) nonZero++;
            }
            for (int k = start; k < end; k++) q[k] = counts[from + k] == 0 ? 0 : sum / nonZero;
        }
        double pTotal = left + right;
        double qTotal = 0;
        for (int k = 0; k < length; k++) {
            pTotal += counts[from + k];
            qTotal += q[k];
        }
        double kl = 0;
        for (int k = 0; k < length; k++) {
            double p = counts[from + k] + (k == 0 ? left : 0) + (k == length - 1 ? right : 0);
            if (p == 0) continue;
            double pk = p / pTotal;
            double qk = q[k] == 0 ? EPSILON / pTotal : q[k] / qTotal;
            kl += pk * Math.log(pk / qk);
        }
        return kl;
    }

    /**
     * Each spike capped at the largest count within two bins of it; a spike is a bin holding more than
     * twice that count and more than an average bin (so a sparse tail's isolated values stay).
     */
    static long[] withoutSpikes(long[] counts) {
        long total = 0;
        for (long c : counts) total += c;
        long[] capped = counts.clone();
        for (int k = 0; k < counts.length; k++) {
            long around = 0;
            for (int j = Math.max(0, k - 2); j <= Math.min(counts.length - 1, k + 2); j++) {
                if (j != k) around = Math.max(around, counts[j]);
            }
            if (counts[k] > 2 * around && counts[k] * counts.length > total) capped[k] = around;
        }
        return capped;
    }

    private static long[] prefix(long[] counts) {
        long[] p = new long[counts.length + 1];
        for (int k = 0; k < counts.length; k++) p[k + 1] = p[k] + counts[k];
        return p;
    }
}
