package dev.slim4j.ir.op;

import java.util.Arrays;

/** ONNX's {@code auto_pad} attribute of convolutions and pooling: explicit pads, "same" output size, or none. */
public enum AutoPad {
    NOTSET, SAME_UPPER, SAME_LOWER, VALID;

    /** Parses the ONNX string; fails listing the valid names. */
    public static AutoPad parse(String s) {
        for (AutoPad p : values()) {
            if (p.name().equals(s)) return p;
        }
        throw new IllegalArgumentException("auto_pad '" + s + "' is not one of " + Arrays.toString(values()));
    }

    public boolean isSame() { return this == SAME_UPPER || this == SAME_LOWER; }
}
