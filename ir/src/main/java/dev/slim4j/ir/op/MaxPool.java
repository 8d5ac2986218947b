package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.Dim;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.DType;
import java.util.ArrayList;
import java.util.List;

/**
 * Max over each window of X [N, C, D1..Dk] (padding never wins); the optional second output holds
 * each maximum's flat index into X, row-major (storage_order 0) or column-major over the spatial axes (1).
 */
public record MaxPool(AutoPad autoPad, long ceilMode, List<Long> dilations, List<Long> kernelShape, List<Long> pads,
                      long storageOrder, List<Long> strides) implements NnOp {
    public MaxPool {
        dilations = List.copyOf(dilations);
        kernelShape = List.copyOf(kernelShape);
        pads = List.copyOf(pads);
        strides = List.copyOf(strides);
    }

    static MaxPool parse(Attributes a) {
        return new MaxPool(AutoPad.parse(a.getString("auto_pad", "NOTSET")), a.getInt("ceil_mode", 0),
                a.getInts("dilations", List.of()), a.optInts("kernel_shape").orElseThrow(
                        () -> new IllegalArgumentException("MaxPool: required attribute 'kernel_shape' is missing")),
                a.getInts("pads", List.of()), a.getInt("storage_order", 0), a.getInts("strides", List.of()));
    }

    public SlidingWindow window() {
        return new SlidingWindow(autoPad, kernelShape, strides, pads, dilations, ceilMode != 0);
    }

    @Override public String opType() { return "MaxPool"; }

    @Override public Attributes attributes() {
        Attributes.Builder b = WindowAttributes.put(Attributes.builder(), autoPad, dilations, kernelShape, pads, strides);
        if (ceilMode != 0) b.put("ceil_mode", ceilMode);
        if (storageOrder != 0) b.put("storage_order", storageOrder);
        return b.build();
    }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        TensorType y = poolType("MaxPool", ctx.inputType(0), window());
        return ctx.outputCount() > 1 ? List.of(y, y.withDtype(DType.INT64)) : List.of(y);
    }

    /** [N, C, pooled spatial dims] for a pooling window over x. */
    static TensorType poolType(String op, TensorType x, SlidingWindow window) {
        if (!x.hasRank()) return TensorType.unranked(x.dtype());
        int spatial = WindowAttributes.spatialRank(op, x);
        long[] kernel = WindowAttributes.kernel(window.kernelShape(), TensorType.unranked(x.dtype()), spatial);
        List<Dim> out = new ArrayList<>(x.dims().orElseThrow().subList(0, 2));
        out.addAll(window.outputDims(x.dims().orElseThrow().subList(2, x.rank()), kernel));
        return TensorType.of(x.dtype(), out);
    }
}
