package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.Dim;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.ShapeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Repeats the input repeats[i] times along each axis i (repeats is input 1, 1-D INT64 of the input's rank). */
public record Tile() implements ShapeOp {
    @Override public String opType() { return "Tile"; }

    @Override public Attributes attributes() { return Attributes.EMPTY; }

    public static Shape outputShape(Shape in, long[] repeats) {
        check(in.rank(), repeats);
        long[] out = new long[in.rank()];
        for (int i = 0; i < out.length; i++) out[i] = Math.multiplyExact(in.dim(i), repeats[i]);
        return Shape.ofLongs(out);
    }

    private static void check(int rank, long[] repeats) {
        if (repeats.length != rank || Arrays.stream(repeats).anyMatch(r -> r < 0)) {
            throw new ShapeException("expected " + rank + " non-negative Tile repeats, found " + Arrays.toString(repeats));
        }
    }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        TensorType x = ctx.inputType(0);
        Optional<long[]> repeats = Axes.values(ctx.constantInput(1));
        if (!x.hasRank()) return List.of(x);
        if (repeats.isEmpty()) return List.of(TensorType.of(x.dtype(), Dims.unknown(x.rank())));
        check(x.rank(), repeats.get());
        List<Dim> out = new ArrayList<>();
        for (int i = 0; i < x.rank(); i++) {
            Dim d = x.dim(i);
            long r = repeats.get()[i];
            out.add(r == 1 ? d : r == 0 ? Dim.of(0) : d.isFixed() ? Dim.of(d.size() * r) : Dim.unknown());
        }
        return List.of(TensorType.of(x.dtype(), out));
    }
}
