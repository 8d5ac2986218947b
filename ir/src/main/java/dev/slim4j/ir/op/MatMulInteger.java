package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.DType;
import java.util.List;

/**
 * Integer NumPy-style matrix product: Y = (A - a_zero_point)(B - b_zero_point) as INT32. a_zero_point
 * may be per row ([M] or [..., M, 1]), b_zero_point per column ([N] or [..., 1, N]). Inputs: A, B,
 * [a_zero_point], [b_zero_point].
 */
public record MatMulInteger() implements QuantOp {
    @Override public String opType() { return "MatMulInteger"; }

    @Override public Attributes attributes() { return Attributes.EMPTY; }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        String op = opType();
        TensorType a = QuantTypes.requireType(op, ctx, 0, "A", QuantTypes.INT8_TYPES);
        TensorType b = QuantTypes.requireType(op, ctx, 1, "B", QuantTypes.INT8_TYPES);
        QuantTypes.requireSameType(op, ctx, 2, "a_zero_point", 0, "A");
        QuantTypes.requireSameType(op, ctx, 3, "b_zero_point", 1, "B");
        return List.of(QuantTypes.matMulOutput(op, DType.INT32, a, b));
    }
}
