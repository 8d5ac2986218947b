package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import java.util.List;

/** NumPy-style matrix product with broadcasting of leading dims. */
public record MatMul() implements NnOp {
    @Override public String opType() { return "MatMul"; }

    @Override public Attributes attributes() { return Attributes.EMPTY; }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        return List.of(TensorType.unranked(ctx.inputType(0).dtype()));
    }
}
