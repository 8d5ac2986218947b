package dev.slim4j.kernels;

/** The element-wise binary arithmetic the kernels fuse: {@code a op b} in float. */
public enum BinaryOp {
    ADD, SUB, MUL, DIV;

    /** The scalar definition. */
    public float apply(float a, float b) {
        return switch (this) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
        };
    }
}
