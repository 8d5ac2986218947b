package dev.slim4j.kernels;

/**
 * The closed set of activations a kernel can fuse after its result (and after an optional bias and residual
 * add). Same names and scalar definitions as ONNX / ONNX Runtime's fused activations; {@link #apply(float)} is
 * the specification every vector path must agree with (within float rounding).
 */
public sealed interface Activation {

    /** The identity. */
    record None() implements Activation {}

    /** {@code max(x, 0)}. */
    record Relu() implements Activation {}

    /** {@code min(max(x, min), max)}; ReLU6 is {@code clip(0, 6)}. */
    record Clip(float min, float max) implements Activation {
        public Clip {
            if (!(min <= max)) {
                throw new IllegalArgumentException("expected clip min <= max, found " + min + " > " + max);
            }
        }
    }

    /** {@code x >= 0 ? x : alpha * x}. */
    record LeakyRelu(float alpha) implements Activation {}

    /** {@code max(0, min(1, alpha * x + beta))}. */
    record HardSigmoid(float alpha, float beta) implements Activation {}

    /** {@code x * max(0, min(1, x / 6 + 1/2))}. */
    record HardSwish() implements Activation {}

    /** {@code 1 / (1 + exp(-x))}. */
    record Sigmoid() implements Activation {}

    /** {@code tanh(x)}. */
    record Tanh() implements Activation {}

    static Activation none() {
        return new None();
    }

    static Activation relu() {
        return new Relu();
    }

    static Activation clip(float min, float max) {
        return new Clip(min, max);
    }

    static Activation relu6() {
        return new Clip(0f, 6f);
    }

    static Activation leakyRelu(float alpha) {
        return new LeakyRelu(alpha);
    }

    static Activation hardSigmoid(float alpha, float beta) {
        return new HardSigmoid(alpha, beta);
    }

    static Activation hardSwish() {
        return new HardSwish();
    }

    static Activation sigmoid() {
        return new Sigmoid();
    }

    static Activation tanh() {
        return new Tanh();
    }

    /** Whether this is the identity. */
    default boolean isNone() {
        return this instanceof None;
    }

    /** The scalar definition. */
    default float apply(float x) {
        return switch (this) {
            case None n -> x;
            case Relu r -> x > 0f ? x : 0f;
            case Clip c -> Math.min(Math.max(x, c.min()), c.max());
            case LeakyRelu l -> x >= 0f ? x : l.alpha() * x;
            case HardSigmoid h -> Math.max(0f, Math.min(1f, h.alpha() * x + h.beta()));
            case HardSwish h -> x * Math.max(0f, Math.min(1f, x / 6f + 0.5f));
            case Sigmoid s -> (float) (1.0 / (1.0 + Math.exp(-x)));
            case Tanh t -> (float) Math.tanh(x);
        };
    }

    /** Applies this activation in place to {@code data[from, to)} with scalar code. */
    default void applyScalar(float[] data, int from, int to) {
        if (isNone()) {
            return;
        }
        for (int i = from; i < to; i++) {
            data[i] = apply(data[i]);
        }
    }
}
