package dev.slim4j.ir.op;

/** Elementwise functions of one or more inputs of one type, with NumPy broadcasting. */
public enum VariadicFunction {
    SUM("Sum"), MAX("Max"), MIN("Min"), MEAN("Mean");

    private final String onnxName;

    VariadicFunction(String onnxName) { this.onnxName = onnxName; }

    public String onnxName() { return onnxName; }
}
