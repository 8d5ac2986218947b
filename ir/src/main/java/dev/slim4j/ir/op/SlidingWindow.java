package dev.slim4j.ir.op;

import dev.slim4j.ir.Dim;
import dev.slim4j.tensor.ShapeException;
import java.util.ArrayList;
import java.util.List;

/**
 * The window attributes shared by Conv and the pooling ops, and ONNX's formulas for their output
 * size and padding per spatial axis. Empty lists stand for absent attributes (ONNX defaults: stride
 * and dilation 1, no padding, kernel from the weights).
 */
public record SlidingWindow(AutoPad autoPad, List<Long> kernelShape, List<Long> strides, List<Long> pads,
                            List<Long> dilations, boolean ceilMode) {
    public SlidingWindow {
        kernelShape = List.copyOf(kernelShape);
        strides = List.copyOf(strides);
        pads = List.copyOf(pads);
        dilations = List.copyOf(dilations);
    }

    /** One resolved spatial axis: padding before and after, and the output size. */
    public record Axis(long padBegin, long padEnd, long output) {}

    /** Resolves every spatial axis for concrete input sizes and kernel sizes. */
    public List<Axis> resolve(long[] inputSpatial, long[] kernel) {
        checkRanks(inputSpatial.length);
        List<Axis> axes = new ArrayList<>();
        for (int i = 0; i < inputSpatial.length; i++) axes.add(axis(i, inputSpatial.length, inputSpatial[i], kernel[i]));
        return axes;
    }

    /** Output dims of the spatial axes; an axis whose input or kernel size is not known is {@link Dim.Unknown}. */
    public List<Dim> outputDims(List<Dim> inputSpatial, long[] kernelOrMinusOne) {
        int rank = inputSpatial.size();
        checkRanks(rank);
        List<Dim> out = new ArrayList<>();
        for (int i = 0; i < rank; i++) {
            Dim d = inputSpatial.get(i);
            long k = kernelOrMinusOne[i];
            out.add(d.isFixed() && k > 0 ? Dim.of(axis(i, rank, d.size(), k).output()) : Dim.unknown());
        }
        return out;
    }

    public long stride(int axis) { return strides.isEmpty() ? 1 : strides.get(axis); }

    public long dilation(int axis) { return dilations.isEmpty() ? 1 : dilations.get(axis); }

    /** Resolves axis {@code i} of {@code rank} spatial axes. */
    public Axis axis(int i, int rank, long in, long kernel) {
        long s = stride(i);
        long effective = (kernel - 1) * dilation(i) + 1;
        return switch (autoPad) {
            case VALID -> new Axis(0, 0, checked(Math.floorDiv(in - effective, s) + 1, i, in, effective));
            case SAME_UPPER, SAME_LOWER -> {
                long out = Math.ceilDiv(in, s);
                long total = Math.max(0, (out - 1) * s + effective - in);
                long small = total / 2;
                yield autoPad == AutoPad.SAME_UPPER ? new Axis(small, total - small, out) : new Axis(total - small, small, out);
            }
            case NOTSET -> explicit(i, rank, in, s, effective);
        };
    }

    private Axis explicit(int i, int rank, long in, long s, long effective) {
        long begin = pads.isEmpty() ? 0 : pads.get(i);
        long end = pads.isEmpty() ? 0 : pads.get(i + rank);
        long span = in + begin + end - effective;
        long out = (ceilMode ? Math.ceilDiv(span, s) : Math.floorDiv(span, s)) + 1;
        // a window may not start in the end padding (PyTorch and ONNX's reference agree on this)
        if (ceilMode && out > 1 && (out - 1) * s >= in + begin) out--;
        return new Axis(begin, end, checked(out, i, in + begin + end, effective));
    }

    private static long checked(long out, int axis, long paddedInput, long effectiveKernel) {
        if (out < 1) {
            throw new ShapeException("spatial axis " + axis + ": window of " + effectiveKernel
                    + " (dilated kernel) does not fit the padded input of " + paddedInput);
        }
        return out;
    }

    private void checkRanks(int rank) {
        checkLength("kernel_shape", kernelShape, rank);
        checkLength("strides", strides, rank);
        checkLength("dilations", dilations, rank);
        checkLength("pads", pads, 2 * rank);
        for (long s : strides) if (s < 1) throw new ShapeException("strides must be >= 1, found " + strides);
        for (long d : dilations) if (d < 1) throw new ShapeException("dilations must be >= 1, found " + dilations);
    }

    static void checkLength(String name, List<Long> values, int expected) {
        if (!values.isEmpty() && values.size() != expected) {
            throw new ShapeException("expected " + expected + " values in " + name + ", found " + values.size()
                    + " " + values);
        }
    }
}
