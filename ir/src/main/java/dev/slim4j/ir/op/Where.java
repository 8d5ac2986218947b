package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.ShapeException;
import java.util.List;

/** out = condition ? x : y elementwise, all three broadcast together. */
public record Where() implements ElementwiseOp {
    @Override public String opType() { return "Where"; }

    @Override public Attributes attributes() { return Attributes.EMPTY; }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        TensorType c = ctx.inputType(0);
        TensorType x = ctx.inputType(1);
        TensorType y = ctx.inputType(2);
        if (c.dtype() != DType.BOOL) throw new ShapeException("Where: expected a bool condition, found " + c);
        if (x.dtype() != y.dtype()) {
            throw new ShapeException("Where: expected x and y of one element type, found " + x + " and " + y);
        }
        return List.of(Broadcast.type(x.dtype(), List.of(c, x, y)));
    }
}
