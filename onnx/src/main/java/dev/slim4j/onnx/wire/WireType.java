package dev.slim4j.onnx.wire;

/** The protobuf wire types slim4j reads and writes (groups, types 3 and 4, are rejected). */
public final class WireType {
    public static final int VARINT = 0;
    public static final int FIXED64 = 1;
    public static final int LEN = 2;
    public static final int FIXED32 = 5;

    private WireType() {}

    /** A readable name for messages, e.g. "LEN (2)". */
    public static String name(int wireType) {
        String n = switch (wireType) {
            case VARINT -> "VARINT";
            case FIXED64 -> "I64";
            case LEN -> "LEN";
            case 3 -> "SGROUP";
            case 4 -> "EGROUP";
            case FIXED32 -> "I32";
            default -> "unknown";
        };
        return n + " (" + wireType + ")";
    }
}
