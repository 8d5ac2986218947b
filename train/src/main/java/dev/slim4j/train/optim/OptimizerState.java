package dev.slim4j.train.optim;

import java.util.List;
import java.util.Objects;

/**
 * What an optimizer must keep to continue a run exactly: its step count and, per parameter, its
 * buffers (SGD's momentum, Adam's moments) with the number of updates that parameter has had.
 * A checkpoint stores it; {@link Optimizer#restore} puts it back.
 */
public record OptimizerState(long steps, List<Slot> slots) {
    public OptimizerState {
        if (steps < 0) throw new IllegalArgumentException("steps must be >= 0, found " + steps);
        slots = List.copyOf(slots);
    }

    /**
     * One buffer of one parameter: {@code buffer} is its kind ({@code momentum}, {@code m}, {@code v}).
     * The values array is the optimizer's own in {@link Optimizer#state()} (a snapshot must copy it);
     * equality compares it by reference.
     */
    public record Slot(String parameter, String buffer, long updates, float[] values) {
        public Slot {
            Objects.requireNonNull(parameter, "parameter");
            Objects.requireNonNull(buffer, "buffer");
            Objects.requireNonNull(values, "values");
        }
    }

    /** The state of an optimizer that has not stepped. */
    public static OptimizerState initial() { return new OptimizerState(0, List.of()); }
}
