package dev.slim4j.compress.quant;

/**
 * Percentile ranges as ONNX Runtime's calibrator computes them: a symmetric grid takes the
 * {@code p}-th percentile of |x| for [-t, t]; an asymmetric one cuts {@code (100 - p) / 2} percent
 * from each tail. Each edge is the bin edge where the cumulative count reaches the fraction.
 */
final class PercentileRange {
    private PercentileRange() {}

    static Range of(Histogram h, double percentile, Symmetry symmetry) {
        if (symmetry == Symmetry.SYMMETRIC) {
            long[] abs = h.absolute();
            int i = firstReaching(abs, percentile / 100.0);
            return HistogramObserver.clip(h, (i + 1) * h.width());
        }
        double cut = (100.0 - percentile) / 200.0;
        long[] counts = h.counts();
        int lo = firstReaching(counts, cut);
        int hi = firstReaching(counts, 1 - cut);
        float min = (float) Math.max(h.min(), h.lower(lo));
        float max = (float) Math.min(h.max(), h.lower(hi) + h.width());
        return new Range(Math.min(min, max), max);
    }

    /** The first bin where the cumulative share of the counts reaches {@code fraction}. */
    private static int firstReaching(long[] counts, double fraction) {
        long total = 0;
        for (long c : counts) total += c;
        double target = fraction * total;
        long cumulative = 0;
        for (int i = 0; i < counts.length; i++) {
            cumulative += counts[i];
            if (cumulative >= target && cumulative > 0) return i;
        }
        return counts.length - 1;
    }
}
