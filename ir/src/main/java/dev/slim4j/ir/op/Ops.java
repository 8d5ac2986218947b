package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;

/** The op records slim4j knows, by ONNX domain, name and opset. */
public final class Ops {
    private static final OpTable TABLE = build();

    private Ops() {}

    private static OpTable build() {
        OpTable t = new OpTable();
        ElementwiseOps.register(t);
        NnOps.register(t);
        ShapeOps.register(t);
        QuantOps.register(t);
        return t;
    }

    /** The op record for an ONNX node, or an {@link OpaqueOp} when slim4j does not model it. */
    public static Op create(String domain, String opType, long opset, Attributes attributes) {
        return TABLE.create(domain, opType, opset, attributes);
    }

    public static boolean isKnown(String domain, String opType) { return TABLE.knows(domain, opType); }
}
