package dev.slim4j.compress.quant;

import dev.slim4j.tensor.quant.IntegerRange;
import dev.slim4j.tensor.quant.QuantParams;

/**
 * The range minimizing the expected squared quantization error, searched over clipping thresholds
 * t at every |x| bin edge: a value inside the grid's interval costs {@code scale^2 / 12} (uniform
 * rounding noise), one outside costs its squared distance to the interval's nearest end (clipping).
 * Each bin's values are taken at its centre.
 */
final class MseRange {
    private MseRange() {}

    static Range of(Histogram h, QuantSpec spec) {
        long[] counts = h.counts();
        int nonZero = 0;
        for (long c : counts) if (c != 0) nonZero++;
        double[] centre = new double[nonZero];
        long[] weight = new long[nonZero];
        for (int k = 0, j = 0; k < counts.length; k++) {
            if (counts[k] == 0) continue;
            centre[j] = h.lower(k) + h.width() / 2;
            weight[j++] = counts[k];
        }
        Range best = new Range(h.min(), h.max());
        double bestError = Double.POSITIVE_INFINITY;
        for (int i = 1; i <= counts.length / 2; i++) {
            Range candidate = HistogramObserver.clip(h, i * h.width());
            double error = error(spec, candidate, centre, weight);
            if (error < bestError) {
                bestError = error;
                best = candidate;
            }
            if (candidate.min() == h.min() && candidate.max() == h.max()) break;
        }
        return best;
    }

    /** Expected squared error (times the count) of quantizing to {@code r} with {@code spec}. */
    static double error(QuantSpec spec, Range r, double[] centre, long[] weight) {
        QuantParams p = spec.params(r);
        IntegerRange grid = spec.range();
        double lo = (double) (grid.min() - p.zeroPoint()) * p.scale();
        double hi = (double) (grid.max() - p.zeroPoint()) * p.scale();
        double noise = (double) p.scale() * p.scale() / 12;
        double sum = 0;
        for (int j = 0; j < centre.length; j++) {
            double c = centre[j];
            double e = c < lo ? (lo - c) * (lo - c) : c > hi ? (c - hi) * (c - hi) : noise;
            sum += weight[j] * e;
        }
        return sum;
    }
}
