package dev.slim4j.ir.op;

/** An operator (or an operator's variant) that slim4j cannot handle; names the op, domain and opset. */
public class UnsupportedOpException extends RuntimeException {
    private final String opType;
    private final String domain;
    private final long opset;

    public UnsupportedOpException(String opType, String domain, long opset) {
        this(opType, domain, opset, "");
    }

    public UnsupportedOpException(String opType, String domain, long opset, String detail) {
        super("unsupported op '" + opType + "' (domain '" + (domain.isEmpty() ? "ai.onnx" : domain) + "', opset "
                + opset + ")" + (detail.isEmpty() ? "" : ": " + detail));
        this.opType = opType;
        this.domain = domain;
        this.opset = opset;
    }

    public String opType() { return opType; }

    public String domain() { return domain; }

    public long opset() { return opset; }
}
