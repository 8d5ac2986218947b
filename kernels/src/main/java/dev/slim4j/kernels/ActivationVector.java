package dev.slim4j.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Activation}s on vectors of the preferred species. The piecewise-linear ones (relu, clip, leaky relu,
 * hard sigmoid, hard swish) are vectorized; sigmoid and tanh go through the scalar definition lane by lane.
 */
final class ActivationVector {
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    private static final float SIXTH = 1f / 6f;

    private ActivationVector() {}

    /** Whether {@link #apply(Activation, FloatVector)} is a vector computation for {@code a}. */
    static boolean vectorizable(Activation a) {
        return !(a instanceof Activation.Sigmoid || a instanceof Activation.Tanh);
    }

    /** The activation of every lane of {@code x}; only for {@link #vectorizable} activations. */
    static FloatVector apply(Activation a, FloatVector x) {
        return switch (a) {
            case Activation.None n -> x;
            case Activation.Relu r -> x.max(0f);
            case Activation.Clip c -> x.max(c.min()).min(c.max());
            case Activation.LeakyRelu l -> x.blend(x.mul(l.alpha()), x.compare(VectorOperators.LT, 0f));
            case Activation.HardSigmoid h -> x.fma(FloatVector.broadcast(SPECIES, h.alpha()),
                    FloatVector.broadcast(SPECIES, h.beta())).max(0f).min(1f);
            case Activation.HardSwish h -> x.mul(x.fma(FloatVector.broadcast(SPECIES, SIXTH),
                    FloatVector.broadcast(SPECIES, 0.5f)).max(0f).min(1f));
            case Activation.Sigmoid s -> throw new IllegalArgumentException("sigmoid is not vectorized");
            case Activation.Tanh t -> throw new IllegalArgumentException("tanh is not vectorized");
        };
    }

    /** Applies {@code a} in place to {@code data[from, to)}. */
    static void applyRange(Activation a, float[] data, int from, int to) {
        if (a.isNone()) {
            return;
        }
        if (!vectorizable(a)) {
            a.applyScalar(data, from, to);
            return;
        }
        int i = from;
        for (int end = to - LANES; i <= end; i += LANES) {
            apply(a, FloatVector.fromArray(SPECIES, data, i)).intoArray(data, i);
        }
        for (; i < to; i++) {
            data[i] = a.apply(data[i]);
        }
    }
}
