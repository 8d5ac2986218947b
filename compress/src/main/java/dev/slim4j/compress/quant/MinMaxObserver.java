package dev.slim4j.compress.quant;

/** The smallest and largest value ever seen. */
public final class MinMaxObserver implements Observer {
    private float min = Float.POSITIVE_INFINITY;
    private float max = Float.NEGATIVE_INFINITY;

    @Override public void observe(float[] values) {
        for (float v : values) {
            if (Float.isNaN(v)) continue;
            if (v < min) min = v;
            if (v > max) max = v;
        }
    }

    @Override public boolean hasData() { return min <= max; }

    @Override public Range range() {
        if (!hasData()) throw Observer.empty("min-max");
        return new Range(min, max);
    }
}
