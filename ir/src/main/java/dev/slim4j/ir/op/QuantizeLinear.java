package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.ShapeException;
import java.util.List;
import java.util.Optional;

/**
 * y = saturate(roundHalfEven(x / y_scale) + y_zero_point), per tensor or per {@code axis} (opset 13 on;
 * empty when the attribute is absent, meaning axis 1). The output type is the zero point's (UINT8
 * when it is omitted).
 */
public record QuantizeLinear(Optional<Long> axis) implements QuantOp {
    /** ONNX's default quantization axis. */
    public static final long DEFAULT_AXIS = 1;

    static QuantizeLinear parse(Attributes a, long opset) {
        QuantTypes.rejectAttributes("QuantizeLinear", a, opset, "block_size", "output_dtype");
        return new QuantizeLinear(opset < 13 ? Optional.empty() : a.optInt("axis"));
    }

    /** The axis of per-axis quantization (1 when the attribute is absent). */
    public long effectiveAxis() { return axis.orElse(DEFAULT_AXIS); }

    @Override public String opType() { return "QuantizeLinear"; }

    @Override public Attributes attributes() {
        Attributes.Builder b = Attributes.builder();
        axis.ifPresent(v -> b.put("axis", v));
        return b.build();
    }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        TensorType x = ctx.inputType(0);
        if (!x.dtype().isFloatingPoint() && x.dtype() != DType.INT32) {
            throw new ShapeException("QuantizeLinear: expected x of a float type or INT32, found " + x.dtype());
        }
        QuantTypes.requireType("QuantizeLinear", ctx, 1, "y_scale", List.of(DType.FLOAT32, DType.FLOAT16,
                DType.BFLOAT16));
        DType out = DType.UINT8;
        if (ctx.hasInput(2)) out = QuantTypes.requireType("QuantizeLinear", ctx, 2, "y_zero_point",
                QuantTypes.INT8_TYPES).dtype();
        checkParameters(ctx, x);
        return List.of(new TensorType(out, x.dims()));
    }

    private void checkParameters(InferenceContext ctx, TensorType x) {
        if (axis.isEmpty() && ctx.opset() < 13) {
            QuantTypes.requireScalar("QuantizeLinear", ctx, 1, "y_scale");
            QuantTypes.requireScalar("QuantizeLinear", ctx, 2, "y_zero_point");
            return;
        }
        QuantTypes.requirePerAxis("QuantizeLinear", ctx, 1, "y_scale", x, effectiveAxis());
        QuantTypes.requirePerAxis("QuantizeLinear", ctx, 2, "y_zero_point", x, effectiveAxis());
    }
}
