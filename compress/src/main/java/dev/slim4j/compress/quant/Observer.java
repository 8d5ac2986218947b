package dev.slim4j.compress.quant;

import dev.slim4j.tensor.Tensor;

/**
 * Watches the values of one tensor over calibration batches in bounded memory (a few numbers or a
 * fixed-size histogram, never the values) and then proposes the range to quantize it to.
 */
public sealed interface Observer permits MinMaxObserver, MovingAverageObserver, HistogramObserver {
    /** Adds one batch of values. */
    void observe(float[] values);

    default void observe(Tensor t) { observe(t.floats()); }

    /** True once at least one value has been seen. */
    boolean hasData();

    /** The range chosen from what was seen; fails when nothing was observed. */
    Range range();

    static IllegalStateException empty(String observer) {
        return new IllegalStateException(observer + " observer has seen no values; calibrate on at least one batch");
    }
}
