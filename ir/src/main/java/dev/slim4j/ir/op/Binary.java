package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.ShapeException;
import java.util.List;

/** c = f(a, b) elementwise with NumPy broadcasting, for an attribute-free {@link BinaryFunction}. */
public record Binary(BinaryFunction function) implements ElementwiseOp {
    @Override public String opType() { return function.onnxName(); }

    @Override public Attributes attributes() { return Attributes.EMPTY; }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        TensorType a = ctx.inputType(0);
        TensorType b = ctx.inputType(1);
        if (function.requiresSameTypes() && a.dtype() != b.dtype()) {
            throw new ShapeException(opType() + ": expected inputs of one element type, found " + a + " and " + b);
        }
        return List.of(Broadcast.type(function.outputType(a.dtype()), List.of(a, b)));
    }
}
