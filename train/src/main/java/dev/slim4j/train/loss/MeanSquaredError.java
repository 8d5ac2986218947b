package dev.slim4j.train.loss;

import dev.slim4j.tensor.Tensor;

/** Mean over all elements of {@code (prediction - target)^2}; the gradient is {@code 2 (prediction - target) / size}. */
public record MeanSquaredError() {
    public static MeanSquaredError defaults() { return new MeanSquaredError(); }

    public LossValue compute(Tensor prediction, Tensor target) {
        if (!prediction.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("expected a floating-point prediction, found " + prediction.dtype());
        }
        if (!prediction.shape().equals(target.shape())) {
            throw new IllegalArgumentException("expected a target of shape " + prediction.shape()
                    + " like the prediction, found " + target.shape());
        }
        long size = prediction.size();
        if (size == 0) throw new IllegalArgumentException("expected a non-empty prediction, found shape " + prediction.shape());
        Tensor grad = Tensor.allocate(prediction.dtype(), prediction.shape());
        double total = 0;
        for (long i = 0; i < size; i++) {
            double d = prediction.getDouble(i) - target.getDouble(i);
            total += d * d;
            grad.setDouble(i, 2 * d / size);
        }
        return new LossValue(total / size, grad);
    }
}
