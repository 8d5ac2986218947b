package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import java.util.List;

/** Converts the first input to the element type of the second. */
public record CastLike() implements ElementwiseOp {
    @Override public String opType() { return "CastLike"; }

    @Override public Attributes attributes() { return Attributes.EMPTY; }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        return List.of(ctx.inputType(0).withDtype(ctx.inputType(1).dtype()));
    }
}
