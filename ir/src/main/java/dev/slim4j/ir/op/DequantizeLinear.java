package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.DType;
import java.util.List;
import java.util.Optional;

/**
 * y = (x - x_zero_point) * x_scale, per tensor or per {@code axis} (opset 13 on; empty when the
 * attribute is absent, meaning axis 1). x is INT8, UINT8 or INT32 (whose zero point is 0); y is FLOAT32.
 */
public record DequantizeLinear(Optional<Long> axis) implements QuantOp {
    static DequantizeLinear parse(Attributes a, long opset) {
        QuantTypes.rejectAttributes("DequantizeLinear", a, opset, "block_size");
        return new DequantizeLinear(opset < 13 ? Optional.empty() : a.optInt("axis"));
    }

    /** The axis of per-axis dequantization (1 when the attribute is absent). */
    public long effectiveAxis() { return axis.orElse(QuantizeLinear.DEFAULT_AXIS); }

    @Override public String opType() { return "DequantizeLinear"; }

    @Override public Attributes attributes() {
        Attributes.Builder b = Attributes.builder();
        axis.ifPresent(v -> b.put("axis", v));
        return b.build();
    }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        TensorType x = QuantTypes.requireType("DequantizeLinear", ctx, 0, "x",
                List.of(DType.INT8, DType.UINT8, DType.INT32));
        TensorType scale = QuantTypes.requireType("DequantizeLinear", ctx, 1, "x_scale", List.of(DType.FLOAT32,
                DType.FLOAT16, DType.BFLOAT16));
        QuantTypes.requireSameType("DequantizeLinear", ctx, 2, "x_zero_point", 0, "x");
        if (axis.isEmpty() && ctx.opset() < 13) {
            QuantTypes.requireScalar("DequantizeLinear", ctx, 1, "x_scale");
            QuantTypes.requireScalar("DequantizeLinear", ctx, 2, "x_zero_point");
        } else {
            QuantTypes.requirePerAxis("DequantizeLinear", ctx, 1, "x_scale", x, effectiveAxis());
            QuantTypes.requirePerAxis("DequantizeLinear", ctx, 2, "x_zero_point", x, effectiveAxis());
        }
        return List.of(new TensorType(ctx.opset() < 19 ? DType.FLOAT32 : scale.dtype(), x.dims()));
    }
}
