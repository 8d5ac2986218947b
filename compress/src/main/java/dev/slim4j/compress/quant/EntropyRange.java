package dev.slim4j.compress.quant;

/**
 * TensorRT's entropy calibration (Migacz, "8-bit Inference with TensorRT", 2017) on the histogram of
 * |x|: for each candidate count of bins {@code i} kept, P is the kept histogram with every clipped
 * value folded into its last bin and Q the kept bins merged into {@code levels} groups and spread
 * back over their non-empty bins; the threshold is the upper edge of the {@code i} minimizing KL(P||Q).
 */
final class EntropyRange {
    private static final double EPSILON = 1e-4;

    private EntropyRange() {}

    /** Symmetric grids: the clipping threshold t on |x| (the range is [-t, t] within what was seen). */
    static double threshold(Histogram h, int levels) {
        return bestBins(h.absolute(), levels) * h.width();
    }

    /**
     * Asymmetric grids: the lower end stays at the minimum seen and the search runs over the upper end,
     * on the signed histogram from the minimum's bin up, with the whole grid's levels. For non-negative
     * data this is the |x| search; for data such as normalized images, whose large mass sits at the
     * minimum, it does not fold the negative side onto the positive one.
     */
    static Range upper(Histogram h, int levels) {
        long[] counts = h.counts();
        int first = 0;
        while (first < counts.length && counts[first] == 0) first++;
        long[] shifted = java.util.Arrays.copyOfRange(counts, first, counts.length);
        double max = h.lower(first) + bestBins(shifted, levels) * h.width();
        return new Range(h.min(), (float) Math.max(h.min(), Math.min(h.max(), max)));
    }

    /**
     * The number of leading bins of {@code counts} to keep, minimizing KL(P||Q). The first bin (exact zeros
     * after a ReLU, the background of an image) is given the count of the second, as NVIDIA's
     * pytorch-quantization does: left as it is, that spike dominates the divergence as soon as it is
     * merged with its neighbours, and the search would clip at the smallest candidate.
     */
    static int bestBins(long[] raw, int levels) {
        long[] counts = raw.clone();
        if (counts.length > 1) counts[0] = counts[1];
        int used = counts.length;
        while (used > 0 && counts[used - 1] == 0) used--;
        if (used <= levels) return used;
        long[] suffix = new long[used + 1];
        for (int k = used - 1; k >= 0; k--) suffix[k] = suffix[k + 1] + counts[k];
        double best = Double.POSITIVE_INFINITY;
        int bestBins = used;
        for (int i = levels; i <= used; i++) {
            double kl = divergence(counts, i, suffix[i], levels);
            if (kl < best) {
                best = kl;
                bestBins = i;
            }
        }
        return bestBins;
    }

    /** KL(P||Q) for the first {@code bins} bins kept, {@code outliers} folded into the last. */
    static double divergence(long[] abs, int bins, long outliers, int levels) {
        double[] q = new double[bins];
        for (int j = 0; j < levels; j++) {
            int start = (int) ((long) j * bins / levels);
            int end = (int) ((long) (j + 1) * bins / levels);
            double sum = 0;
            int nonZero = 0;
            for (int k = start; k < end; k++) {
                sum += abs[k];
                if (abs[k] != 0) nonZero++;
            }
            for (int k = start; k < end; k++) q[k] = abs[k] == 0 ? 0 : sum / nonZero;
        }
        double pTotal = outliers;
        double qTotal = 0;
        for (int k = 0; k < bins; k++) {
            pTotal += abs[k];
            qTotal += q[k];
        }
        double kl = 0;
        for (int k = 0; k < bins; k++) {
            double p = abs[k] + (k == bins - 1 ? outliers : 0);
            if (p == 0) continue;
            double pk = p / pTotal;
            double qk = q[k] == 0 ? EPSILON / pTotal : q[k] / qTotal;
            kl += pk * Math.log(pk / qk);
        }
        return kl;
    }
}
