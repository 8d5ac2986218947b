package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import java.util.List;

/** y = f(x) elementwise for an attribute-free {@link UnaryFunction}. */
public record Unary(UnaryFunction function) implements ElementwiseOp {
    @Override public String opType() { return function.onnxName(); }

    @Override public Attributes attributes() { return Attributes.EMPTY; }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        TensorType x = ctx.inputType(0);
        return List.of(x.withDtype(function.outputType(x.dtype())));
    }
}
