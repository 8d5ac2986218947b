package dev.slim4j.ir;

/** A named SSA value with its static type: a graph input or output, or an annotated intermediate. */
public record Value(String name, TensorType type) {
    public Value {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("a value needs a non-empty name");
    }
}
