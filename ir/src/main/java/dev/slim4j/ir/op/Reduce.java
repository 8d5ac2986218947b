package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.Dim;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.ShapeException;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A reduction over a set of axes. The axes come from the {@code axes} attribute or, when
 * {@code axesFromInput} (ReduceSum from opset 13, the others from 18), from optional input 1. No axes
 * means all axes, unless {@code noopWithEmptyAxes}, which makes the op an identity.
 */
public record Reduce(ReduceFunction function, Optional<List<Long>> axes, boolean keepdims, boolean axesFromInput,
        boolean noopWithEmptyAxes) implements ElementwiseOp {
    public Reduce {
        axes = axes.map(List::copyOf);
    }

    public static Reduce fromOnnx(ReduceFunction function, Attributes a, long opset) {
        return new Reduce(function, a.optInts("axes"), a.getInt("keepdims", 1) != 0,
                opset >= function.axesInputSince(), a.getInt("noop_with_empty_axes", 0) != 0);
    }

    @Override public String opType() { return function.onnxName(); }

    @Override public Attributes attributes() {
        Attributes.Builder b = Attributes.builder().putInts("axes", axes.orElse(null)).put("keepdims", keepdims ? 1L : 0L);
        if (axesFromInput) b.put("noop_with_empty_axes", noopWithEmptyAxes ? 1L : 0L);
        return b.build();
    }

    /**
     * Which axes of a rank-{@code rank} input are reduced, given the axes input ({@code null} when
     * omitted or when the axes are an attribute).
     */
    public boolean[] reducedAxes(List<Long> axesInput, int rank) {
        List<Long> given = axesFromInput ? axesInput : axes.orElse(null);
        boolean[] reduced = new boolean[rank];
        if (given == null || given.isEmpty()) {
            if (!noopWithEmptyAxes) Arrays.fill(reduced, true);
            return reduced;
        }
        for (long axis : given) {
            int a = Shape.normalizeAxis(axis, rank);
            if (reduced[a]) throw new ShapeException(opType() + ": expected distinct axes, found " + given);
            reduced[a] = true;
        }
        return reduced;
    }

    /** The output dims for input dims {@code in} with {@code reduced} axes. */
    public <T> List<T> outputDims(List<T> in, boolean[] reduced, T one) {
        boolean identity = true;
        for (boolean r : reduced) identity &= !r;
        if (identity) return in;
        List<T> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            if (!reduced[i]) out.add(in.get(i));
            else if (keepdims) out.add(one);
        }
        return out;
    }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        TensorType x = ctx.inputType(0);
        if (!x.hasRank()) return List.of(x);
        List<Long> axesInput = null;
        if (axesFromInput && ctx.hasInput(1)) {
            Optional<Tensor> t = ctx.constantInput(1);
            if (t.isEmpty()) {
                return List.of(keepdims ? TensorType.of(x.dtype(), Collections.nCopies(x.rank(), Dim.unknown()))
                        : TensorType.unranked(x.dtype()));
            }
            axesInput = axesOf(t.get());
        }
        boolean[] reduced = reducedAxes(axesInput, x.rank());
        return List.of(TensorType.of(x.dtype(), outputDims(x.dims().orElseThrow(), reduced, Dim.of(1))));
    }

    /** The axes held by an axes input tensor. */
    public static List<Long> axesOf(Tensor axes) {
        List<Long> out = new ArrayList<>();
        for (long i = 0; i < axes.size(); i++) out.add(axes.getLong(i));
        return out;
    }
}
