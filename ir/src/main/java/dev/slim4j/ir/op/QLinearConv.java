package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.DType;
import java.util.List;

/**
 * Quantized convolution: int32 accumulation of (x - x_zero_point)(w - w_zero_point) over the window, plus
 * the int32 bias B, requantized with x_scale * w_scale / y_scale (w_scale and w_zero_point may be per
 * output channel). Inputs: x, x_scale, x_zero_point, w, w_scale, w_zero_point, y_scale, y_zero_point, [B].
 * The window attributes are Conv's; empty lists are absent attributes.
 */
public record QLinearConv(AutoPad autoPad, List<Long> dilations, long group, List<Long> kernelShape, List<Long> pads,
                          List<Long> strides) implements QuantOp {
    public QLinearConv {
        dilations = List.copyOf(dilations);
        kernelShape = List.copyOf(kernelShape);
        pads = List.copyOf(pads);
        strides = List.copyOf(strides);
        if (group < 1) throw new IllegalArgumentException("QLinearConv group must be >= 1, found " + group);
    }

    static QLinearConv parse(Attributes a) {
        return new QLinearConv(AutoPad.parse(a.getString("auto_pad", "NOTSET")), a.getInts("dilations", List.of()),
                a.getInt("group", 1), a.getInts("kernel_shape", List.of()), a.getInts("pads", List.of()),
                a.getInts("strides", List.of()));
    }

    /** The window (no ceil mode for convolutions). */
    public SlidingWindow window() { return new SlidingWindow(autoPad, kernelShape, strides, pads, dilations, false); }

    @Override public String opType() { return "QLinearConv"; }

    @Override public Attributes attributes() {
        return WindowAttributes.put(Attributes.builder(), autoPad, dilations, kernelShape, pads, strides)
                .put("group", group).build();
    }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        String op = opType();
        TensorType x = QuantTypes.requireType(op, ctx, 0, "x", QuantTypes.INT8_TYPES);
        TensorType w = QuantTypes.requireType(op, ctx, 3, "w", QuantTypes.INT8_TYPES);
        TensorType y = QuantTypes.requireType(op, ctx, 7, "y_zero_point", QuantTypes.INT8_TYPES);
        QuantTypes.requireSameType(op, ctx, 2, "x_zero_point", 0, "x");
        QuantTypes.requireSameType(op, ctx, 5, "w_zero_point", 3, "w");
        QuantTypes.requireScalar(op, ctx, 1, "x_scale");
        QuantTypes.requireScalar(op, ctx, 2, "x_zero_point");
        QuantTypes.requirePerAxis(op, ctx, 4, "w_scale", w, 0);
        QuantTypes.requirePerAxis(op, ctx, 5, "w_zero_point", w, 0);
        QuantTypes.requireScalar(op, ctx, 6, "y_scale");
        QuantTypes.requireScalar(op, ctx, 7, "y_zero_point");
        if (ctx.hasInput(8)) QuantTypes.requireType(op, ctx, 8, "B", List.of(DType.INT32));
        return List.of(QuantTypes.convOutput(op, y.dtype(), x, w, window(), group));
    }
}
