package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.DType;
import java.util.List;
import java.util.Optional;

/**
 * ONNX {@code Shape} (named ShapeOf here so it does not hide the tensor {@code Shape}): the input's
 * dims as a 1-D INT64 tensor, optionally only dims [start, end) (opset 15; negative values count
 * from the end, both clamped to [0, rank]).
 */
public record ShapeOf(Optional<Long> start, Optional<Long> end) implements ShapeOp {
    @Override public String opType() { return "Shape"; }

    @Override public Attributes attributes() {
        Attributes.Builder b = Attributes.builder();
        end.ifPresent(v -> b.put("end", v));
        start.ifPresent(v -> b.put("start", v));
        return b.build();
    }

    /** The first dim taken, for input rank {@code rank}. */
    public int from(int rank) { return clamp(start.orElse(0L), rank); }

    /** One past the last dim taken (at least {@link #from}). */
    public int to(int rank) { return Math.max(from(rank), clamp(end.orElse((long) rank), rank)); }

    private static int clamp(long v, int rank) {
        long a = v < 0 ? v + rank : v;
        return (int) Math.max(0, Math.min(rank, a));
    }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        TensorType x = ctx.inputType(0);
        if (!x.hasRank()) return List.of(TensorType.of(DType.INT64, Dims.unknown(1)));
        return List.of(TensorType.of(DType.INT64, to(x.rank()) - from(x.rank())));
    }
}
