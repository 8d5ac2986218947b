package dev.slim4j.train.loss;

import dev.slim4j.tensor.Tensor;

/** {@code strength / 2 * sum w^2}, whose gradient is {@code strength * w} (the classic weight decay). */
public record L2Penalty(double strength) {
    public L2Penalty {
        if (!(strength >= 0) || !Double.isFinite(strength)) {
            throw new IllegalArgumentException("strength must be >= 0 and finite, found " + strength);
        }
    }

    /** Strength 5e-4. */
    public static L2Penalty defaults() { return new L2Penalty(5e-4); }

    public L2Penalty withStrength(double s) { return new L2Penalty(s); }

    /** The penalty of {@code weights} (any shape, float type) and its gradient. */
    public LossValue compute(Tensor weights) {
        Tensor grad = Tensor.allocate(weights.dtype(), weights.shape());
        double total = 0;
        for (long i = 0; i < weights.size(); i++) {
            double w = weights.getDouble(i);
            total += w * w;
            grad.setDouble(i, strength * w);
        }
        return new LossValue(0.5 * strength * total, grad);
    }

    /** Adds the gradient to {@code gradient} in place and returns the penalty, for parameter arrays. */
    public double accumulate(float[] weights, float[] gradient) {
        if (weights.length != gradient.length) {
            throw new IllegalArgumentException("expected a gradient of " + weights.length + " elements, found "
                    + gradient.length);
        }
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            total += (double) weights[i] * weights[i];
            gradient[i] += (float) (strength * weights[i]);
        }
        return 0.5 * strength * total;
    }
}
