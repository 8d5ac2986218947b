package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.DType;
import java.util.List;

/**
 * Quantizes a FLOAT32 tensor to UINT8 with parameters from its own range widened to include 0:
 * outputs y (UINT8, x's shape), y_scale (FLOAT32 scalar) and y_zero_point (UINT8 scalar).
 */
public record DynamicQuantizeLinear() implements QuantOp {
    @Override public String opType() { return "DynamicQuantizeLinear"; }

    @Override public Attributes attributes() { return Attributes.EMPTY; }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        TensorType x = QuantTypes.requireType(opType(), ctx, 0, "x", List.of(DType.FLOAT32));
        return List.of(new TensorType(DType.UINT8, x.dims()), TensorType.of(DType.FLOAT32),
                TensorType.of(DType.UINT8));
    }
}
