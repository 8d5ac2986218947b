package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import java.util.List;

/**
 * Quantized NumPy-style matrix product: int32 accumulation of (a - a_zero_point)(b - b_zero_point),
 * requantized with a_scale * b_scale / y_scale. a's parameters may be per row ([M] or [..., M, 1]),
 * b's per column ([N] or [..., 1, N]). Inputs: a, a_scale, a_zero_point, b, b_scale, b_zero_point,
 * y_scale, y_zero_point.
 */
public record QLinearMatMul() implements QuantOp {
    @Override public String opType() { return "QLinearMatMul"; }

    @Override public Attributes attributes() { return Attributes.EMPTY; }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        String op = opType();
        TensorType a = QuantTypes.requireType(op, ctx, 0, "a", QuantTypes.INT8_TYPES);
        TensorType b = QuantTypes.requireType(op, ctx, 3, "b", QuantTypes.INT8_TYPES);
        TensorType y = QuantTypes.requireType(op, ctx, 7, "y_zero_point", QuantTypes.INT8_TYPES);
        QuantTypes.requireSameType(op, ctx, 2, "a_zero_point", 0, "a");
        QuantTypes.requireSameType(op, ctx, 5, "b_zero_point", 3, "b");
        QuantTypes.requireScalar(op, ctx, 6, "y_scale");
        QuantTypes.requireScalar(op, ctx, 7, "y_zero_point");
        return List.of(QuantTypes.matMulOutput(op, y.dtype(), a, b));
    }
}
