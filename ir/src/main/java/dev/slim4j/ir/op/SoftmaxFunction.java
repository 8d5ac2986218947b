package dev.slim4j.ir.op;

/** The normalizations sharing Softmax's axis rules. */
public enum SoftmaxFunction {
    SOFTMAX("Softmax"), LOG_SOFTMAX("LogSoftmax"), HARDMAX("Hardmax");

    private final String onnxName;

    SoftmaxFunction(String onnxName) { this.onnxName = onnxName; }

    public String onnxName() { return onnxName; }
}
