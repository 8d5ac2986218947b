package dev.slim4j.ir.op;

/** Attribute-free elementwise functions of one input whose output type equals the input type. */
public enum UnaryFunction {
    RELU("Relu"), NEG("Neg"), ABS("Abs");

    private final String onnxName;

    UnaryFunction(String onnxName) { this.onnxName = onnxName; }

    public String onnxName() { return onnxName; }
}
