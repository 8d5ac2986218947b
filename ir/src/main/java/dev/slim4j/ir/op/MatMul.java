package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.Dim;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.ShapeException;
import java.util.ArrayList;
import java.util.List;

/**
 * NumPy-style matrix product: [..., M, K] x [..., K, N] -> [..., M, N] with broadcasting of the
 * leading (batch) dims; a 1-D A is a row [1, K] and a 1-D B a column [K, 1], whose unit axis is
 * dropped from the result.
 */
public record MatMul() implements NnOp {
    @Override public String opType() { return "MatMul"; }

    @Override public Attributes attributes() { return Attributes.EMPTY; }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        TensorType a = ctx.inputType(0);
        TensorType b = ctx.inputType(1);
        if (!a.hasRank() || !b.hasRank()) return List.of(TensorType.unranked(a.dtype()));
        if (a.rank() == 0 || b.rank() == 0) {
            throw new ShapeException("MatMul: expected operands of rank >= 1, found " + a + " and " + b);
        }
        List<Dim> ad = a.dims().orElseThrow();
        List<Dim> bd = b.dims().orElseThrow();
        Dim k1 = ad.getLast();
        Dim k2 = bd.size() == 1 ? bd.getFirst() : bd.get(bd.size() - 2);
        if (k1.isFixed() && k2.isFixed() && k1.size() != k2.size()) {
            throw new ShapeException("MatMul: expected inner dims to agree, found " + a + " x " + b);
        }
        List<Dim> out = new ArrayList<>(Broadcast.dims(batch(ad), batch(bd)));
        if (ad.size() > 1) out.add(ad.get(ad.size() - 2));
        if (bd.size() > 1) out.add(bd.getLast());
        return List.of(TensorType.of(a.dtype(), out));
    }

    private static List<Dim> batch(List<Dim> d) { return d.size() <= 2 ? List.of() : d.subList(0, d.size() - 2); }
}
