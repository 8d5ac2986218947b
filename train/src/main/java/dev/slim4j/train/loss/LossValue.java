package dev.slim4j.train.loss;

import dev.slim4j.tensor.Tensor;
import java.util.Objects;

/** A loss value and its gradient with respect to the loss's input (same shape and type as the input). */
public record LossValue(double value, Tensor gradient) {
    public LossValue {
        Objects.requireNonNull(gradient, "gradient");
    }

    /** This loss multiplied by {@code factor} (value and gradient). */
    public LossValue scaled(double factor) {
        Tensor g = Tensor.allocate(gradient.dtype(), gradient.shape());
        for (long i = 0; i < g.size(); i++) g.setDouble(i, factor * gradient.getDouble(i));
        return new LossValue(factor * value, g);
    }

    /** The sum of two losses of the same input, for example a hard-label loss plus a distillation loss. */
    public LossValue plus(LossValue other) {
        if (!gradient.shape().equals(other.gradient.shape()) || gradient.dtype() != other.gradient.dtype()) {
            throw new IllegalArgumentException("cannot add gradients of " + gradient.dtype() + gradient.shape()
                    + " and " + other.gradient.dtype() + other.gradient.shape());
        }
        Tensor g = Tensor.allocate(gradient.dtype(), gradient.shape());
        for (long i = 0; i < g.size(); i++) g.setDouble(i, gradient.getDouble(i) + other.gradient.getDouble(i));
        return new LossValue(value + other.value, g);
    }
}
