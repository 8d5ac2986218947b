package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import java.util.List;

/**
 * Mean over each window of X [N, C, D1..Dk]; padded positions count in the divisor only when
 * count_include_pad is 1. {@code dilations} is opset 19's attribute (empty when absent).
 */
public record AveragePool(AutoPad autoPad, long ceilMode, long countIncludePad, List<Long> dilations,
                          List<Long> kernelShape, List<Long> pads, List<Long> strides) implements NnOp {
    public AveragePool {
        dilations = List.copyOf(dilations);
        kernelShape = List.copyOf(kernelShape);
        pads = List.copyOf(pads);
        strides = List.copyOf(strides);
    }

    static AveragePool parse(Attributes a) {
        return new AveragePool(AutoPad.parse(a.getString("auto_pad", "NOTSET")), a.getInt("ceil_mode", 0),
                a.getInt("count_include_pad", 0), a.getInts("dilations", List.of()), a.optInts("kernel_shape")
                        .orElseThrow(() -> new IllegalArgumentException(
                                "AveragePool: required attribute 'kernel_shape' is missing")),
                a.getInts("pads", List.of()), a.getInts("strides", List.of()));
    }

    public SlidingWindow window() {
        return new SlidingWindow(autoPad, kernelShape, strides, pads, dilations, ceilMode != 0);
    }

    @Override public String opType() { return "AveragePool"; }

    @Override public Attributes attributes() {
        Attributes.Builder b = WindowAttributes.put(Attributes.builder(), autoPad, dilations, kernelShape, pads, strides);
        if (ceilMode != 0) b.put("ceil_mode", ceilMode);
        if (countIncludePad != 0) b.put("count_include_pad", countIncludePad);
        return b.build();
    }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        return List.of(MaxPool.poolType("AveragePool", ctx.inputType(0), window()));
    }
}
