package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.Dim;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.ShapeException;
import java.util.List;

/** Reshapes to a matrix [prod(dims before axis), prod(dims from axis)]; {@code axis} may be negative. */
public record Flatten(long axis) implements ShapeOp {
    @Override public String opType() { return "Flatten"; }

    @Override public Attributes attributes() { return Attributes.builder().put("axis", axis).build(); }

    /** The split point in [0, rank]. */
    public int split(int rank) {
        long a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a > rank) throw new ShapeException("expected Flatten axis in [" + -rank + ", " + rank + "], found " + axis);
        return (int) a;
    }

    public Shape outputShape(Shape in) {
        int s = split(in.rank());
        return Shape.ofLongs(in.sizeBetween(0, s), in.sizeBetween(s, in.rank()));
    }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        TensorType x = ctx.inputType(0);
        if (!x.hasRank()) return List.of(TensorType.of(x.dtype(), Dims.unknown(2)));
        List<Dim> d = x.dims().orElseThrow();
        int s = split(d.size());
        return List.of(TensorType.of(x.dtype(), List.of(Dims.product(d.subList(0, s)), Dims.product(d.subList(s, d.size())))));
    }
}
