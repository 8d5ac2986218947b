package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import java.util.List;

/** Max over all spatial positions of X [N, C, D1..Dk], giving [N, C, 1..1]. */
public record GlobalMaxPool() implements NnOp {
    @Override public String opType() { return "GlobalMaxPool"; }

    @Override public Attributes attributes() { return Attributes.EMPTY; }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        return List.of(GlobalAveragePool.globalType("GlobalMaxPool", ctx.inputType(0)));
    }
}
