package dev.slim4j.ir.op;

import java.util.List;

/**
 * An activation fused into the op that produces its input (a convolution or matrix product
 * epilogue). Names and parameters follow ONNX Runtime's com.microsoft FusedConv/FusedGemm:
 * {@code activation} string plus {@code activation_params} floats.
 */
public sealed interface Activation {
    record None() implements Activation {}

    record Relu() implements Activation {}

    record Clip(float min, float max) implements Activation {}

    record LeakyRelu(float alpha) implements Activation {}

    record HardSigmoid(float alpha, float beta) implements Activation {}

    record HardSwish() implements Activation {}

    record Sigmoid() implements Activation {}

    record Tanh() implements Activation {}

    /** The scalar definition every kernel epilogue must agree with. */
    default float apply(float x) {
        return switch (this) {
            case None n -> x;
            case Relu r -> x > 0 ? x : 0f;
            case Clip c -> Math.min(Math.max(x, c.min()), c.max());
            case LeakyRelu l -> x >= 0 ? x : l.alpha() * x;
            case HardSigmoid h -> Math.max(0f, Math.min(1f, h.alpha() * x + h.beta()));
            case HardSwish h -> x * Math.max(0f, Math.min(1f, x / 6f + 0.5f));
            case Sigmoid s -> (float) (1.0 / (1.0 + Math.exp(-x)));
            case Tanh t -> (float) Math.tanh(x);
        };
    }

    /** The ONNX Runtime activation name ("" for none). */
    default String onnxName() {
        return switch (this) {
            case None n -> "";
            case Relu r -> "Relu";
            case Clip c -> "Clip";
            case LeakyRelu l -> "LeakyRelu";
            case HardSigmoid h -> "HardSigmoid";
            case HardSwish h -> "HardSwish";
            case Sigmoid s -> "Sigmoid";
            case Tanh t -> "Tanh";
        };
    }

    default List<Float> params() {
        return switch (this) {
            case Clip c -> List.of(c.min(), c.max());
            case LeakyRelu l -> List.of(l.alpha());
            case HardSigmoid h -> List.of(h.alpha(), h.beta());
            default -> List.of();
        };
    }

    /** Parses ONNX Runtime's activation name and parameters. */
    static Activation of(String name, List<Float> p) {
        return switch (name) {
            case "" -> new None();
            case "Relu" -> new Relu();
            case "Clip" -> new Clip(p.size() > 0 ? p.get(0) : -Float.MAX_VALUE, p.size() > 1 ? p.get(1) : Float.MAX_VALUE);
            case "LeakyRelu" -> new LeakyRelu(p.isEmpty() ? 0.01f : p.get(0));
            case "HardSigmoid" -> new HardSigmoid(p.size() > 0 ? p.get(0) : 0.2f, p.size() > 1 ? p.get(1) : 0.5f);
            case "HardSwish" -> new HardSwish();
            case "Sigmoid" -> new Sigmoid();
            case "Tanh" -> new Tanh();
            default -> throw new UnsupportedOpException("FusedConv", "com.microsoft", 1, "activation '" + name + "'");
        };
    }
}
