package dev.slim4j.tensor;

/** Element types, numbered as in ONNX's TensorProto.DataType. */
public enum DType {
    FLOAT32(1, 4), UINT8(2, 1), INT8(3, 1), UINT16(4, 2), INT16(5, 2), INT32(6, 4), INT64(7, 8),
    STRING(8, 0), BOOL(9, 1), FLOAT16(10, 2), FLOAT64(11, 8), UINT32(12, 4), UINT64(13, 8),
    BFLOAT16(16, 2);

    private final int onnxCode;
    private final int byteSize;

    DType(int onnxCode, int byteSize) {
        this.onnxCode = onnxCode;
        this.byteSize = byteSize;
    }

    public int onnxCode() { return onnxCode; }

    /** Bytes per element; 0 for STRING, which has no fixed-size storage. */
    public int byteSize() { return byteSize; }

    public boolean isFloatingPoint() {
        return this == FLOAT32 || this == FLOAT64 || this == FLOAT16 || this == BFLOAT16;
    }

    public boolean isInteger() {
        return switch (this) {
            case UINT8, INT8, UINT16, INT16, INT32, INT64, UINT32, UINT64 -> true;
            default -> false;
        };
    }

    public boolean isSigned() {
        return switch (this) {
            case INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, FLOAT16, BFLOAT16 -> true;
            default -> false;
        };
    }

    /** True if slim4j can hold this type in a {@link Tensor}. */
    public boolean isStorable() { return this != STRING; }

    public static DType fromOnnx(int code) {
        for (DType t : values()) {
            if (t.onnxCode == code) return t;
        }
        throw new IllegalArgumentException("unsupported ONNX tensor element type " + code
                + ", expected one of " + java.util.Arrays.toString(values()));
    }
}
