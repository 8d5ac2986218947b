package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.Dim;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Inserts size-1 axes at the listed positions of the output (negative positions count from the
 * output's end). {@code axes} holds the attribute form (up to opset 12); empty means input 1 (opset 13 on).
 */
public record Unsqueeze(Optional<List<Long>> axes) implements ShapeOp {
    public Unsqueeze {
        axes = axes.map(List::copyOf);
    }

    @Override public String opType() { return "Unsqueeze"; }

    @Override public Attributes attributes() { return Attributes.builder().putInts("axes", axes.orElse(null)).build(); }

    /** Output dims: the input dims with a 1 inserted at every listed output axis. */
    public static <D> List<D> insert(List<D> in, long[] axes, D one) {
        int rank = in.size() + axes.length;
        boolean[] inserted = new boolean[rank];
        for (int a : Axes.normalize(axes, rank)) inserted[a] = true;
        List<D> out = new ArrayList<>(rank);
        int next = 0;
        for (int i = 0; i < rank; i++) out.add(inserted[i] ? one : in.get(next++));
        return out;
    }

    public static Shape outputShape(Shape in, long[] axes) {
        List<Integer> dims = new ArrayList<>();
        for (int d : in.toArray()) dims.add(d);
        return Shape.of(insert(dims, axes, 1));
    }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        TensorType x = ctx.inputType(0);
        Optional<long[]> known = axes.isPresent() ? Optional.of(Axes.array(axes.get())) : Axes.values(ctx.constantInput(1));
        if (known.isEmpty() || !x.hasRank()) return List.of(TensorType.unranked(x.dtype()));
        return List.of(TensorType.of(x.dtype(), insert(x.dims().orElseThrow(), known.get(), Dim.of(1))));
    }
}
