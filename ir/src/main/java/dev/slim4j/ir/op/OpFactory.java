package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;

/** Parses one operator's ONNX attributes (at a given opset) into its op record. */
@FunctionalInterface
public interface OpFactory {
    Op create(Attributes attributes, long opset);
}
