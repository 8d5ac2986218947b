package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.Shape;
import java.util.List;
import java.util.Optional;

/** Broadcasts the input against the shape of input 1 (both ways, as NumPy: the result may be larger than that shape). */
public record Expand() implements ShapeOp {
    @Override public String opType() { return "Expand"; }

    @Override public Attributes attributes() { return Attributes.EMPTY; }

    public static Shape outputShape(Shape in, long[] shape) { return Broadcast.shape(in, Shape.ofLongs(shape)); }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        TensorType x = ctx.inputType(0);
        Optional<long[]> shape = Axes.values(ctx.constantInput(1));
        if (shape.isEmpty() || !x.hasRank()) {
            TensorType s = ctx.inputType(1);
            if (x.hasRank() && s.isStatic() && s.rank() == 1) {
                return List.of(TensorType.of(x.dtype(), Dims.unknown(Math.max(x.rank(), s.shape().dim(0)))));
            }
            return List.of(TensorType.unranked(x.dtype()));
        }
        return List.of(TensorType.of(x.dtype(), Broadcast.dims(x.dims().orElseThrow(), Dims.of(shape.get()))));
    }
}
