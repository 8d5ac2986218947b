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
 * Gives the data the shape of input 1. In the target, -1 (at most once) is inferred from the element
 * count and 0 copies the input's dim at that index, unless {@code allowzero} (opset 14) makes 0 a real size.
 */
public record Reshape(boolean allowzero) implements ShapeOp {
    @Override public String opType() { return "Reshape"; }

    @Override public Attributes attributes() {
        return allowzero ? Attributes.builder().put("allowzero", 1L).build() : Attributes.EMPTY;
    }

    /** The concrete output shape for input shape {@code in} and target {@code target}. */
    public Shape outputShape(Shape in, long[] target) {
        long[] out = new long[target.length];
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < target.length; i++) {
            long t = target[i];
            if (t == -1) {
                if (inferred >= 0) throw new ShapeException("expected at most one -1 in Reshape target " + text(target));
                inferred = i;
                continue;
            }
            if (t < -1) throw new ShapeException("expected Reshape target sizes >= -1, found " + text(target));
            if (t == 0 && !allowzero) {
                if (i >= in.rank()) throw new ShapeException("Reshape target " + text(target) + " copies dim " + i + " of " + in);
                t = in.dim(i);
            }
            out[i] = t;
            known *= t;
        }
        if (inferred >= 0) {
            if (known == 0 || in.size() % known != 0) {
                throw new ShapeException("cannot infer -1 in Reshape target " + text(target) + " for " + in);
            }
            out[inferred] = in.size() / known;
        }
        Shape s = Shape.ofLongs(out);
        if (s.size() != in.size()) {
            throw new ShapeException("expected Reshape target with " + in.size() + " elements (from " + in + "), found "
                    + s + " from " + text(target));
        }
        return s;
    }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        TensorType x = ctx.inputType(0);
        Optional<long[]> target = Axes.values(ctx.constantInput(1));
        if (target.isEmpty()) {
            TensorType s = ctx.inputType(1);
            return List.of(s.isStatic() && s.rank() == 1
                    ? TensorType.of(x.dtype(), Dims.unknown(s.shape().dim(0))) : TensorType.unranked(x.dtype()));
        }
        if (x.isStatic()) return List.of(TensorType.of(x.dtype(), outputShape(x.shape(), target.get())));
        List<Dim> out = new ArrayList<>();
        long[] t = target.get();
        for (int i = 0; i < t.length; i++) {
            if (t[i] == 0 && !allowzero) out.add(x.hasRank() && i < x.rank() ? x.dim(i) : Dim.unknown());
            else out.add(t[i] < 0 ? Dim.unknown() : Dim.of(t[i]));
        }
        return List.of(TensorType.of(x.dtype(), out));
    }

    private static String text(long[] target) { return java.util.Arrays.toString(target); }
}
