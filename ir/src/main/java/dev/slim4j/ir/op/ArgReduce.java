package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.Dim;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * ArgMax ({@code max}) or ArgMin: INT64 indices of the extreme element along {@code axis}; ties
 * give the first index, or the last with {@code selectLastIndex} (opset 12 on).
 */
public record ArgReduce(boolean max, long axis, boolean keepdims, boolean selectLastIndex) implements ElementwiseOp {
    public static ArgReduce fromOnnx(boolean max, Attributes a) {
        return new ArgReduce(max, a.getInt("axis", 0), a.getInt("keepdims", 1) != 0,
                a.getInt("select_last_index", 0) != 0);
    }

    @Override public String opType() { return max ? "ArgMax" : "ArgMin"; }

    @Override public Attributes attributes() {
        Attributes.Builder b = Attributes.builder().put("axis", axis).put("keepdims", keepdims ? 1L : 0L);
        if (selectLastIndex) b.put("select_last_index", 1L);
        return b.build();
    }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        TensorType x = ctx.inputType(0);
        if (!x.hasRank()) return List.of(TensorType.unranked(DType.INT64));
        int a = Shape.normalizeAxis(axis, x.rank());
        List<Dim> dims = new ArrayList<>(x.dims().orElseThrow());
        if (keepdims) dims.set(a, Dim.of(1)); else dims.remove(a);
        return List.of(TensorType.of(DType.INT64, dims));
    }
}
