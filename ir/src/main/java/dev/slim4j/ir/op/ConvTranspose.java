package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.Dim;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.ShapeException;
import java.util.ArrayList;
import java.util.List;

/**
 * Transposed convolution (the adjoint of {@link Conv}): X [N, C, D1..Dk], W [C, M/group, k1..kk],
 * optional B [M]. The output size comes from output_shape, auto_pad or pads and output_padding.
 * Empty lists are absent attributes.
 */
public record ConvTranspose(AutoPad autoPad, List<Long> dilations, long group, List<Long> kernelShape,
                            List<Long> outputPadding, List<Long> outputShape, List<Long> pads, List<Long> strides)
        implements NnOp {
    public ConvTranspose {
        dilations = List.copyOf(dilations);
        kernelShape = List.copyOf(kernelShape);
        outputPadding = List.copyOf(outputPadding);
        outputShape = List.copyOf(outputShape);
        pads = List.copyOf(pads);
        strides = List.copyOf(strides);
        if (group < 1) throw new IllegalArgumentException("ConvTranspose group must be >= 1, found " + group);
    }

    static ConvTranspose parse(Attributes a) {
        return new ConvTranspose(AutoPad.parse(a.getString("auto_pad", "NOTSET")), a.getInts("dilations", List.of()),
                a.getInt("group", 1), a.getInts("kernel_shape", List.of()), a.getInts("output_padding", List.of()),
                a.getInts("output_shape", List.of()), a.getInts("pads", List.of()), a.getInts("strides", List.of()));
    }

    @Override public String opType() { return "ConvTranspose"; }

    @Override public Attributes attributes() {
        Attributes.Builder b = WindowAttributes.put(Attributes.builder(), autoPad, dilations, kernelShape, pads, strides);
        WindowAttributes.putIfPresent(b, "output_padding", outputPadding);
        WindowAttributes.putIfPresent(b, "output_shape", outputShape);
        return b.put("group", group).build();
    }

    /**
     * Per spatial axis: the padding cropped from the full transposed result at the start and end
     * (negative values add zeros) and the output size.
     */
    public List<SlidingWindow.Axis> resolve(long[] inputSpatial, long[] kernel) {
        int rank = inputSpatial.length;
        SlidingWindow.checkLength("strides", strides, rank);
        SlidingWindow.checkLength("dilations", dilations, rank);
        SlidingWindow.checkLength("pads", pads, 2 * rank);
        SlidingWindow.checkLength("output_padding", outputPadding, rank);
        if (!outputShape.isEmpty() && outputShape.size() != rank && outputShape.size() != rank + 2) {
            throw new ShapeException("ConvTranspose: expected " + rank + " values in output_shape, found " + outputShape);
        }
        List<SlidingWindow.Axis> axes = new ArrayList<>();
        for (int i = 0; i < rank; i++) axes.add(axis(i, rank, inputSpatial[i], kernel[i]));
        return axes;
    }

    private SlidingWindow.Axis axis(int i, int rank, long in, long kernel) {
        long s = strides.isEmpty() ? 1 : strides.get(i);
        long d = dilations.isEmpty() ? 1 : dilations.get(i);
        long adj = outputPadding.isEmpty() ? 0 : outputPadding.get(i);
        long full = s * (in - 1) + adj + (kernel - 1) * d + 1;
        if (!outputShape.isEmpty() || autoPad.isSame()) {
            long out = !outputShape.isEmpty() ? outputShape.get(outputShape.size() - rank + i) : in * s;
            long total = full - out;
            long half = Math.floorDiv(total, 2);
            return autoPad == AutoPad.SAME_UPPER ? new SlidingWindow.Axis(half, total - half, out)
                    : new SlidingWindow.Axis(total - half, half, out);
        }
        if (autoPad == AutoPad.VALID) return new SlidingWindow.Axis(0, 0, full);
        long begin = pads.isEmpty() ? 0 : pads.get(i);
        long end = pads.isEmpty() ? 0 : pads.get(i + rank);
        if (full - begin - end < 1) {
            throw new ShapeException("ConvTranspose: spatial axis " + i + " output would be " + (full - begin - end)
                    + ", expected >= 1");
        }
        return new SlidingWindow.Axis(begin, end, full - begin - end);
    }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        TensorType x = ctx.inputType(0);
        TensorType w = ctx.inputType(1);
        if (!x.hasRank()) return List.of(TensorType.unranked(x.dtype()));
        int spatial = WindowAttributes.spatialRank("ConvTranspose", x);
        WindowAttributes.checkSameRank("ConvTranspose", x, w);
        if (w.hasRank() && x.dim(1).isFixed() && w.dim(0).isFixed() && x.dim(1).size() != w.dim(0).size()) {
            throw new ShapeException("ConvTranspose: expected W.shape[0] = X channels " + x.dim(1) + ", found " + w);
        }
        List<Dim> out = new ArrayList<>();
        out.add(x.dim(0));
        out.add(w.hasRank() && w.dim(1).isFixed() ? Dim.of(w.dim(1).size() * group) : Dim.unknown());
        long[] kernel = WindowAttributes.kernel(kernelShape, w, spatial);
        for (int i = 0; i < spatial; i++) {
            Dim in = x.dim(i + 2);
            boolean known = in.isFixed() && kernel[i] > 0;
            out.add(known ? Dim.of(axis(i, spatial, in.size(), kernel[i]).output()) : Dim.unknown());
        }
        return List.of(TensorType.of(x.dtype(), out));
    }
}
