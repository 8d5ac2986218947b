package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.ShapeException;
import dev.slim4j.tensor.Tensor;
import java.util.List;

/** start, start + delta, ... while before limit: max(ceil((limit - start) / delta), 0) elements of start's type. */
public record Range() implements ShapeOp {
    @Override public String opType() { return "Range"; }

    @Override public Attributes attributes() { return Attributes.EMPTY; }

    /** The element count for scalar inputs {@code start}, {@code limit}, {@code delta}. */
    public static long count(Tensor start, Tensor limit, Tensor delta) {
        for (Tensor t : List.of(start, limit, delta)) {
            if (t.size() != 1) throw new ShapeException("expected scalar Range inputs, found " + t.shape());
        }
        if (start.dtype().isFloatingPoint()) {
            double d = delta.getDouble(0);
            if (d == 0) throw new ShapeException("expected a non-zero Range delta, found 0");
            return (long) Math.max(Math.ceil((limit.getDouble(0) - start.getDouble(0)) / d), 0);
        }
        long d = delta.getLong(0);
        if (d == 0) throw new ShapeException("expected a non-zero Range delta, found 0");
        long span = limit.getLong(0) - start.getLong(0);
        long n = span / d + (span % d != 0 && (span > 0) == (d > 0) ? 1 : 0);
        return Math.max(n, 0);
    }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        TensorType s = ctx.inputType(0);
        var a = ctx.constantInput(0);
        var b = ctx.constantInput(1);
        var c = ctx.constantInput(2);
        if (a.isPresent() && b.isPresent() && c.isPresent()) return List.of(TensorType.of(s.dtype(), count(a.get(), b.get(), c.get())));
        return List.of(TensorType.of(s.dtype(), Dims.unknown(1)));
    }
}
