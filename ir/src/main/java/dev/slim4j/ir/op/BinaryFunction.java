package dev.slim4j.ir.op;

import dev.slim4j.tensor.DType;

/**
 * Attribute-free elementwise functions of two inputs with multidirectional broadcasting. Arithmetic
 * keeps the first input's type (Pow's exponent may have another type); comparisons give BOOL.
 */
public enum BinaryFunction {
    ADD("Add"), SUB("Sub"), MUL("Mul"), DIV("Div"), POW("Pow"), PRELU("PRelu"),
    EQUAL("Equal"), LESS("Less"), GREATER("Greater"), LESS_OR_EQUAL("LessOrEqual"),
    GREATER_OR_EQUAL("GreaterOrEqual"), AND("And"), OR("Or"), XOR("Xor");

    private final String onnxName;

    BinaryFunction(String onnxName) { this.onnxName = onnxName; }

    public String onnxName() { return onnxName; }

    /** True for functions whose result is BOOL whatever the input type. */
    public boolean isComparison() {
        return switch (this) {
            case EQUAL, LESS, GREATER, LESS_OR_EQUAL, GREATER_OR_EQUAL -> true;
            default -> false;
        };
    }

    /** True when both inputs must have the same element type (all but Pow). */
    public boolean requiresSameTypes() { return this != POW; }

    /** The element type of the result for a first input of type {@code a}. */
    public DType outputType(DType a) { return isComparison() ? DType.BOOL : a; }
}
