package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.Dim;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.ShapeException;
import java.util.ArrayList;
import java.util.List;

/** Joins the inputs along {@code axis} (may be negative); all other dims must agree. */
public record Concat(long axis) implements ShapeOp {
    @Override public String opType() { return "Concat"; }

    @Override public Attributes attributes() { return Attributes.builder().put("axis", axis).build(); }

    public Shape outputShape(List<Shape> in) {
        Shape first = in.get(0);
        int a = Axes.normalize(axis, first.rank());
        int[] out = first.toArray();
        out[a] = 0;
        for (Shape s : in) {
            if (s.rank() != first.rank()) throw new ShapeException("expected Concat inputs of rank " + first.rank() + ", found " + s);
            for (int i = 0; i < s.rank(); i++) {
                if (i != a && s.dim(i) != first.dim(i)) {
                    throw new ShapeException("expected Concat inputs to match " + first + " except at axis " + a + ", found " + s);
                }
            }
            out[a] = Math.addExact(out[a], s.dim(a));
        }
        return Shape.of(out);
    }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        List<TensorType> in = new ArrayList<>();
        for (int i = 0; i < ctx.inputCount(); i++) in.add(ctx.inputType(i));
        TensorType ranked = in.stream().filter(TensorType::hasRank).findFirst().orElse(null);
        if (ranked == null) return List.of(TensorType.unranked(in.get(0).dtype()));
        int rank = ranked.rank();
        int a = Axes.normalize(axis, rank);
        List<Dim> out = new ArrayList<>(Dims.unknown(rank));
        long sum = 0;
        boolean summable = true;
        for (TensorType t : in) {
            if (!t.hasRank()) {
                summable = false;
                continue;
            }
            if (t.rank() != rank) throw new ShapeException("expected Concat inputs of rank " + rank + ", found " + t);
            for (int i = 0; i < rank; i++) {
                Dim d = t.dim(i);
                if (i == a) {
                    if (d.isFixed()) sum += d.size(); else summable = false;
                } else if (d.isFixed() && out.get(i).isFixed() && d.size() != out.get(i).size()) {
                    throw new ShapeException("expected Concat inputs to match " + ranked + " except at axis " + a + ", found " + t);
                } else if (out.get(i) instanceof Dim.Unknown) {
                    out.set(i, d);
                }
            }
        }
        out.set(a, summable ? Dim.of(sum) : Dim.unknown());
        return List.of(TensorType.of(ranked.dtype(), out));
    }
}
