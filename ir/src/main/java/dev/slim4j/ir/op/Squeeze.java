package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.Dim;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.ShapeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Removes size-1 axes: those listed, or every size-1 axis when none are. {@code axes} holds the
 * attribute form (up to opset 12); empty means the axes come from optional input 1 (opset 13 on) or
 * are not given.
 */
public record Squeeze(Optional<List<Long>> axes) implements ShapeOp {
    public Squeeze {
        axes = axes.map(List::copyOf);
    }

    @Override public String opType() { return "Squeeze"; }

    @Override public Attributes attributes() { return Attributes.builder().putInts("axes", axes.orElse(null)).build(); }

    /** The output shape; {@code axes} null squeezes every size-1 axis. */
    public static Shape outputShape(Shape in, long[] axes) {
        boolean[] drop = new boolean[in.rank()];
        if (axes == null) {
            for (int i = 0; i < in.rank(); i++) drop[i] = in.dim(i) == 1;
        } else {
            for (int a : Axes.normalize(axes, in.rank())) {
                if (in.dim(a) != 1) throw new ShapeException("expected dim 1 at squeezed axis " + a + " of " + in + ", found " + in.dim(a));
                drop[a] = true;
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < in.rank(); i++) {
            if (!drop[i]) out.add(in.dim(i));
        }
        return Shape.of(out);
    }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        TensorType x = ctx.inputType(0);
        if (axes.isEmpty() && !ctx.hasInput(1)) {
            return List.of(x.isStatic() ? TensorType.of(x.dtype(), outputShape(x.shape(), null)) : TensorType.unranked(x.dtype()));
        }
        Optional<long[]> known = axes.isPresent() ? Optional.of(Axes.array(axes.get())) : Axes.values(ctx.constantInput(1));
        if (known.isEmpty() || !x.hasRank()) return List.of(TensorType.unranked(x.dtype()));
        int[] drop = Axes.normalize(known.get(), x.rank());
        List<Dim> out = new ArrayList<>(x.dims().orElseThrow());
        for (int a : drop) {
            Dim d = x.dim(a);
            if (d.isFixed() && d.size() != 1) {
                throw new ShapeException("expected dim 1 at squeezed axis " + a + " of " + x + ", found " + d);
            }
            out.set(a, null);
        }
        out.removeIf(d -> d == null);
        return List.of(TensorType.of(x.dtype(), out));
    }
}
