package dev.slim4j.compress.quant;

/**
 * An exponential moving average of each batch's minimum and maximum (PyTorch's
 * MovingAverageMinMaxObserver): {@code min += momentum * (batchMin - min)}, the first batch taken as is.
 */
public final class MovingAverageObserver implements Observer {
    private final double momentum;
    private double min;
    private double max;
    private boolean seen;

    public MovingAverageObserver(double momentum) {
        if (!(momentum > 0 && momentum <= 1)) {
            throw new IllegalArgumentException("moving-average momentum must lie in (0, 1], found " + momentum);
        }
        this.momentum = momentum;
    }

    @Override public void observe(float[] values) {
        MinMaxObserver batch = new MinMaxObserver();
        batch.observe(values);
        if (!batch.hasData()) return;
        Range r = batch.range();
        if (!seen) {
            min = r.min();
            max = r.max();
            seen = true;
            return;
        }
        min += momentum * (r.min() - min);
        max += momentum * (r.max() - max);
    }

    @Override public boolean hasData() { return seen; }

    @Override public Range range() {
        if (!seen) throw Observer.empty("moving-average min-max");
        return new Range((float) min, (float) max);
    }
}
