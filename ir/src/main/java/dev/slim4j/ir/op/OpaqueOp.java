package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import java.util.List;

/**
 * An operator slim4j does not model. It loads, survives passes untouched and is written back
 * unchanged; the runtime refuses it with {@link UnsupportedOpException}. Its output types come
 * only from value_info annotations.
 */
public record OpaqueOp(String domain, String opType, Attributes attributes) implements Op {
    @Override
    public List<TensorType> inferTypes(InferenceContext ctx) {
        throw new UnsupportedOpException(opType, domain, ctx.opset());
    }
}
