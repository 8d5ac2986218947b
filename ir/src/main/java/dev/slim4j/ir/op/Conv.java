package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.Dim;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.ShapeException;
import java.util.ArrayList;
import java.util.List;

/**
 * N-D convolution: Y[n, m] = B[m] + sum over the group's input channels and the kernel window of
 * X * W, with X [N, C, D1..Dk], W [M, C/group, k1..kk], optional B [M]. Empty lists are absent attributes.
 */
public record Conv(AutoPad autoPad, List<Long> dilations, long group, List<Long> kernelShape, List<Long> pads,
                   List<Long> strides) implements NnOp {
    public Conv {
        dilations = List.copyOf(dilations);
        kernelShape = List.copyOf(kernelShape);
        pads = List.copyOf(pads);
        strides = List.copyOf(strides);
        if (group < 1) throw new IllegalArgumentException("Conv group must be >= 1, found " + group);
    }

    static Conv parse(Attributes a) {
        return new Conv(AutoPad.parse(a.getString("auto_pad", "NOTSET")), a.getInts("dilations", List.of()),
                a.getInt("group", 1), a.getInts("kernel_shape", List.of()), a.getInts("pads", List.of()),
                a.getInts("strides", List.of()));
    }

    /** The window (no ceil mode for convolutions). */
    public SlidingWindow window() { return new SlidingWindow(autoPad, kernelShape, strides, pads, dilations, false); }

    @Override public String opType() { return "Conv"; }

    @Override public Attributes attributes() {
        return WindowAttributes.put(Attributes.builder(), autoPad, dilations, kernelShape, pads, strides)
                .put("group", group).build();
    }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        TensorType x = ctx.inputType(0);
        TensorType w = ctx.inputType(1);
        if (!x.hasRank()) return List.of(TensorType.unranked(x.dtype()));
        int spatial = WindowAttributes.spatialRank("Conv", x);
        WindowAttributes.checkSameRank("Conv", x, w);
        checkChannels(x, w);
        List<Dim> out = new ArrayList<>();
        out.add(x.dim(0));
        out.add(w.hasRank() ? w.dim(0) : Dim.unknown());
        long[] kernel = WindowAttributes.kernel(kernelShape, w, spatial);
        out.addAll(window().outputDims(x.dims().orElseThrow().subList(2, x.rank()), kernel));
        return List.of(TensorType.of(x.dtype(), out));
    }

    private void checkChannels(TensorType x, TensorType w) {
        if (!w.hasRank() || !x.dim(1).isFixed() || !w.dim(1).isFixed()) return;
        if (x.dim(1).size() != w.dim(1).size() * group) {
            throw new ShapeException("Conv: expected X channels = W.shape[1] * group = " + w.dim(1).size() * group
                    + ", found " + x.dim(1).size());
        }
        if (w.dim(0).isFixed() && w.dim(0).size() % group != 0) {
            throw new ShapeException("Conv: expected W.shape[0] divisible by group " + group + ", found " + w.dim(0));
        }
    }
}
