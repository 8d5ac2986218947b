package dev.slim4j.compress.quant;

/**
 * Streams values into a {@link Histogram} and chooses the range by percentile, KL entropy or
 * squared error, for the grid of the activation spec. The range never exceeds the values seen.
 */
public final class HistogramObserver implements Observer {
    private final CalibrationMethod method;
    private final QuantSpec spec;
    private final Histogram histogram;

    HistogramObserver(CalibrationMethod method, QuantSpec spec, int bins) {
        if (!(method instanceof CalibrationMethod.Percentile || method instanceof CalibrationMethod.Entropy
                || method instanceof CalibrationMethod.Mse)) {
            throw new IllegalArgumentException("a histogram observer serves percentile, entropy or mse, not " + method.label());
        }
        this.method = method;
        this.spec = spec;
        this.histogram = new Histogram(bins);
    }

    @Override public void observe(float[] values) { histogram.add(values); }

    @Override public boolean hasData() { return !histogram.isEmpty(); }

    public Histogram histogram() { return histogram; }

    @Override public Range range() {
        if (!hasData()) throw Observer.empty(method.label());
        if (histogram.radius() == 0) return new Range(0, 0);
        return switch (method) {
            case CalibrationMethod.Percentile p -> PercentileRange.of(histogram, p.percentile(), spec.symmetry());
            case CalibrationMethod.Entropy e -> spec.symmetry() == Symmetry.SYMMETRIC
                    ? EntropyRange.symmetric(histogram, (int) (spec.range().steps() + 1) / 2)
                    : EntropyRange.upper(histogram, (int) spec.range().steps() + 1);
            case CalibrationMethod.Mse m -> MseRange.of(histogram, spec);
            default -> throw new IllegalStateException("unreachable: " + method);
        };
    }

    /** [-t, t] intersected with the range seen. */
    static Range clip(Histogram h, double threshold) {
        float t = (float) threshold;
        return new Range(Math.max(h.min(), -t), Math.min(h.max(), t));
    }
}
