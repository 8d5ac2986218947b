package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.DType;
import java.util.List;

/** The number of elements of the input, as an INT64 scalar. */
public record Size() implements ShapeOp {
    @Override public String opType() { return "Size"; }

    @Override public Attributes attributes() { return Attributes.EMPTY; }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        ctx.inputType(0);
        return List.of(TensorType.of(DType.INT64));
    }
}
