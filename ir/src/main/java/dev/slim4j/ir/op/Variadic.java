package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.ShapeException;
import java.util.ArrayList;
import java.util.List;

/** y = f(x0, x1, ...) elementwise over every input, broadcast together (Sum, Max, Min, Mean). */
public record Variadic(VariadicFunction function) implements ElementwiseOp {
    @Override public String opType() { return function.onnxName(); }

    @Override public Attributes attributes() { return Attributes.EMPTY; }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        if (ctx.inputCount() < 1) throw new ShapeException(opType() + ": expected at least 1 input, found none");
        List<TensorType> types = new ArrayList<>();
        for (int i = 0; i < ctx.inputCount(); i++) {
            TensorType t = ctx.inputType(i);
            if (!types.isEmpty() && t.dtype() != types.getFirst().dtype()) {
                throw new ShapeException(opType() + ": expected inputs of one element type, found "
                        + types.getFirst() + " and " + t);
            }
            types.add(t);
        }
        return List.of(Broadcast.type(types.getFirst().dtype(), types));
    }
}
