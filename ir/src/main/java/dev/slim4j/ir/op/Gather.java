package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.Dim;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.ShapeException;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks entries of the data along {@code axis} by the indices of input 1 (negative indices count
 * from the end); the output shape is data[:axis] + indices + data[axis+1:].
 */
public record Gather(long axis) implements ShapeOp {
    @Override public String opType() { return "Gather"; }

    @Override public Attributes attributes() { return Attributes.builder().put("axis", axis).build(); }

    /** Resolves one index against a dim of {@code size}, failing when out of range. */
    public static long resolveIndex(long index, long size) {
        long i = index < 0 ? index + size : index;
        if (i < 0 || i >= size) throw new ShapeException("expected Gather index in [" + -size + ", " + (size - 1) + "], found " + index);
        return i;
    }

    public static <D> List<D> outputDims(List<D> data, List<D> indices, int axis) {
        List<D> out = new ArrayList<>(data.subList(0, axis));
        out.addAll(indices);
        out.addAll(data.subList(axis + 1, data.size()));
        return out;
    }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        TensorType data = ctx.inputType(0);
        TensorType indices = ctx.inputType(1);
        if (indices.dtype() != dev.slim4j.tensor.DType.INT64 && indices.dtype() != dev.slim4j.tensor.DType.INT32) {
            throw new ShapeException("expected Gather indices of INT32 or INT64, found " + indices.dtype());
        }
        if (!data.hasRank() || !indices.hasRank()) return List.of(TensorType.unranked(data.dtype()));
        int a = Axes.normalize(axis, data.rank());
        List<Dim> out = outputDims(data.dims().orElseThrow(), indices.dims().orElseThrow(), a);
        return List.of(TensorType.of(data.dtype(), out));
    }
}
