package dev.slim4j.train.optim;

import java.util.Objects;

/**
 * A named trainable array and its gradient array, of the same length. The optimizer updates
 * {@link #values()} in place from {@link #gradient()}; whoever computes gradients writes into the latter.
 */
public final class Parameter {
    private final String name;
    private final float[] values;
    private final float[] gradient;

    public Parameter(String name, float[] values, float[] gradient) {
        this.name = Objects.requireNonNull(name, "name");
        this.values = Objects.requireNonNull(values, "values");
        this.gradient = Objects.requireNonNull(gradient, "gradient");
        if (values.length != gradient.length) {
            throw new IllegalArgumentException("parameter '" + name + "' has " + values.length
                    + " values, expected a gradient of the same length, found " + gradient.length);
        }
    }

    public String name() { return name; }

    /** The values, updated in place. */
    public float[] values() { return values; }

    /** The gradient, read by the optimizer and cleared by {@link ParameterSet#zeroGradients()}. */
    public float[] gradient() { return gradient; }

    public int size() { return values.length; }

    @Override public String toString() { return "Parameter[" + name + ", " + values.length + "]"; }
}
