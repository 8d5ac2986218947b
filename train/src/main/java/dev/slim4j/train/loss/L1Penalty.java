package dev.slim4j.train.loss;

import dev.slim4j.tensor.Tensor;

/**
 * {@code strength * sum |w|}, the sparsity penalty of Network Slimming (on BatchNorm scales) and of
 * L1 regularization. Its (sub)gradient is {@code strength * sign(w)}, 0 at w = 0.
 */
public record L1Penalty(double strength) {
    public L1Penalty {
        if (!(strength >= 0) || !Double.isFinite(strength)) {
            throw new IllegalArgumentException("strength must be >= 0 and finite, found " + strength);
        }
    }

    /** Strength 1e-4. */
    public static L1Penalty defaults() { return new L1Penalty(1e-4); }

    public L1Penalty withStrength(double s) { return new L1Penalty(s); }

    /** The penalty of {@code weights} (any shape, float type) and its gradient. */
    public LossValue compute(Tensor weights) {
        Tensor grad = Tensor.allocate(weights.dtype(), weights.shape());
        double total = 0;
        for (long i = 0; i < weights.size(); i++) {
            double w = weights.getDouble(i);
            total += Math.abs(w);
            grad.setDouble(i, strength * Math.signum(w));
        }
        return new LossValue(strength * total, grad);
    }

    /** Adds the gradient to {@code gradient} in place and returns the penalty, for parameter arrays. */
    public double accumulate(float[] weights, float[] gradient) {
        if (weights.length != gradient.length) {
            throw new IllegalArgumentException("expected a gradient of " + weights.length + " elements, found "
                    + gradient.length);
        }
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            total += Math.abs(weights[i]);
            gradient[i] += (float) (strength * Math.signum(weights[i]));
        }
        return strength * total;
    }
}
