package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.DType;
import java.util.List;

/**
 * Integer convolution: y = sum over the window of (x - x_zero_point)(w - w_zero_point) as INT32
 * (w_zero_point may be per output channel). Inputs: x, w, [x_zero_point], [w_zero_point]. The window
 * attributes are Conv's; empty lists are absent attributes.
 */
public record ConvInteger(AutoPad autoPad, List<Long> dilations, long group, List<Long> kernelShape, List<Long> pads,
                          List<Long> strides) implements QuantOp {
    public ConvInteger {
        dilations = List.copyOf(dilations);
        kernelShape = List.copyOf(kernelShape);
        pads = List.copyOf(pads);
        strides = List.copyOf(strides);
        if (group < 1) throw new IllegalArgumentException("ConvInteger group must be >= 1, found " + group);
    }

    static ConvInteger parse(Attributes a) {
        return new ConvInteger(AutoPad.parse(a.getString("auto_pad", "NOTSET")), a.getInts("dilations", List.of()),
                a.getInt("group", 1), a.getInts("kernel_shape", List.of()), a.getInts("pads", List.of()),
                a.getInts("strides", List.of()));
    }

    /** The window (no ceil mode for convolutions). */
    public SlidingWindow window() { return new SlidingWindow(autoPad, kernelShape, strides, pads, dilations, false); }

    @Override public String opType() { return "ConvInteger"; }

    @Override public Attributes attributes() {
        return WindowAttributes.put(Attributes.builder(), autoPad, dilations, kernelShape, pads, strides)
                .put("group", group).build();
    }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        String op = opType();
        TensorType x = QuantTypes.requireType(op, ctx, 0, "x", QuantTypes.INT8_TYPES);
        TensorType w = QuantTypes.requireType(op, ctx, 1, "w", QuantTypes.INT8_TYPES);
        QuantTypes.requireSameType(op, ctx, 2, "x_zero_point", 0, "x");
        QuantTypes.requireSameType(op, ctx, 3, "w_zero_point", 1, "w");
        QuantTypes.requireScalar(op, ctx, 2, "x_zero_point");
        QuantTypes.requirePerAxis(op, ctx, 3, "w_zero_point", w, 0);
        return List.of(QuantTypes.convOutput(op, DType.INT32, x, w, window(), group));
    }
}
