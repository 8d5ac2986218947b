package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.Dim;
import dev.slim4j.ir.TensorType;
import java.util.ArrayList;
import java.util.List;

/** Mean over all spatial positions of X [N, C, D1..Dk], giving [N, C, 1..1]. */
public record GlobalAveragePool() implements NnOp {
    @Override public String opType() { return "GlobalAveragePool"; }

    @Override public Attributes attributes() { return Attributes.EMPTY; }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        return List.of(GlobalAveragePool.globalType("GlobalAveragePool", ctx.inputType(0)));
    }

    /** [N, C, 1, ..., 1] of x's rank. */
    static TensorType globalType(String op, TensorType x) {
        if (!x.hasRank()) return x;
        WindowAttributes.spatialRank(op, x);
        List<Dim> out = new ArrayList<>(x.dims().orElseThrow().subList(0, 2));
        for (int i = 2; i < x.rank(); i++) out.add(Dim.of(1));
        return TensorType.of(x.dtype(), out);
    }
}
