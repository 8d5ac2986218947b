package dev.slim4j.ir.op;

import dev.slim4j.tensor.DType;

/**
 * Attribute-free elementwise functions of one input. The output type equals the input type except
 * for predicates such as IsNaN, whose output is BOOL.
 */
public enum UnaryFunction {
    RELU("Relu"), NEG("Neg"), ABS("Abs"), SIGMOID("Sigmoid"), TANH("Tanh"), HARD_SWISH("HardSwish"),
    SQRT("Sqrt"), EXP("Exp"), LOG("Log"), ERF("Erf"), RECIPROCAL("Reciprocal"), FLOOR("Floor"), CEIL("Ceil"),
    ROUND("Round"), SIGN("Sign"), SIN("Sin"), COS("Cos"), TAN("Tan"), ASIN("Asin"), ACOS("Acos"), ATAN("Atan"),
    SINH("Sinh"), COSH("Cosh"), ASINH("Asinh"), ACOSH("Acosh"), ATANH("Atanh"), SOFTPLUS("Softplus"),
    SOFTSIGN("Softsign"), NOT("Not"), IS_NAN("IsNaN");

    private final String onnxName;

    UnaryFunction(String onnxName) { this.onnxName = onnxName; }

    public String onnxName() { return onnxName; }

    /** The element type of the result for an input of type {@code input}. */
    public DType outputType(DType input) { return this == IS_NAN ? DType.BOOL : input; }
}
