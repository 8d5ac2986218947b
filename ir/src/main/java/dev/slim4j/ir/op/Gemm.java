package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.Dim;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.ShapeException;
import java.util.List;
import java.util.Optional;

/**
 * Y = alpha * op(A) * op(B) + beta * C, op transposing when transA / transB is 1; C (optional from
 * opset 11) broadcasts one way to [M, N]. {@code broadcast} is opset 1-6's attribute, kept for the writer.
 */
public record Gemm(float alpha, float beta, long transA, long transB, Optional<Long> broadcast) implements NnOp {
    static Gemm parse(Attributes a) {
        return new Gemm(a.getFloat("alpha", 1f), a.getFloat("beta", 1f), a.getInt("transA", 0), a.getInt("transB", 0),
                a.optInt("broadcast"));
    }

    @Override public String opType() { return "Gemm"; }

    @Override public Attributes attributes() {
        Attributes.Builder b = Attributes.builder().put("alpha", alpha).put("beta", beta)
                .put("transA", transA).put("transB", transB);
        broadcast.ifPresent(v -> b.put("broadcast", v));
        return b.build();
    }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        TensorType a = ctx.inputType(0);
        TensorType b = ctx.inputType(1);
        requireMatrix("A", a);
        requireMatrix("B", b);
        Dim m = a.hasRank() ? a.dim(transA != 0 ? 1 : 0) : Dim.unknown();
        Dim ka = a.hasRank() ? a.dim(transA != 0 ? 0 : 1) : Dim.unknown();
        Dim kb = b.hasRank() ? b.dim(transB != 0 ? 1 : 0) : Dim.unknown();
        Dim n = b.hasRank() ? b.dim(transB != 0 ? 0 : 1) : Dim.unknown();
        if (ka.isFixed() && kb.isFixed() && ka.size() != kb.size()) {
            throw new ShapeException("Gemm: expected op(A) columns = op(B) rows, found " + ka + " and " + kb
                    + " (A " + a + ", B " + b + ", transA " + transA + ", transB " + transB + ")");
        }
        if (ctx.hasInput(2)) checkBias(ctx.inputType(2), m, n);
        return List.of(TensorType.of(a.dtype(), List.of(m, n)));
    }

    private static void requireMatrix(String name, TensorType t) {
        if (t.hasRank() && t.rank() != 2) throw new ShapeException("Gemm: expected " + name + " of rank 2, found " + t);
    }

    private static void checkBias(TensorType c, Dim m, Dim n) {
        if (!c.hasRank()) return;
        if (c.rank() > 2) throw new ShapeException("Gemm: expected C of rank <= 2, found " + c);
        List<Dim> target = List.of(m, n);
        for (int i = 0; i < c.rank(); i++) {
            Dim d = c.dim(i);
            Dim t = target.get(2 - c.rank() + i);
            if (d.isFixed() && t.isFixed() && d.size() != 1 && d.size() != t.size()) {
                throw new ShapeException("Gemm: C " + c + " does not broadcast to [" + m + ", " + n + "]");
            }
        }
    }
}
