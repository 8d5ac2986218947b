package dev.slim4j.runtime.reference;

import dev.slim4j.ir.op.Pad;
import dev.slim4j.ir.op.Slice;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.ShapeException;
import dev.slim4j.tensor.Tensor;

/** Reference semantics of Slice and Pad: windows of the input, strided, clamped, padded or cropped. */
final class SliceReference {
    private SliceReference() {}

    /** {@code axes} and {@code steps} may be null (all leading axes, steps of 1). */
    static Tensor slice(Tensor x, long[] starts, long[] ends, long[] axes, long[] steps) {
        Shape in = x.shape();
        Slice.AxisRange[] ranges = Slice.ranges(in.toLongArray(), starts, ends, axes, steps);
        long[] strides = in.strides();
        long[] steppedStrides = new long[ranges.length];
        long[] dims = new long[ranges.length];
        long base = 0;
        for (int k = 0; k < ranges.length; k++) {
            dims[k] = ranges[k].count();
            steppedStrides[k] = ranges[k].step() * strides[k];
            if (dims[k] > 0) base += ranges[k].start() * strides[k];
        }
        Shape out = Shape.ofLongs(dims);
        long origin = base;
        return ElementMap.gather(x, out, ElementMap.build(out, idx -> origin + LayoutReference.dot(idx, steppedStrides)));
    }

    /** {@code value} is the one-element constant for mode "constant". */
    static Tensor pad(Pad p, Tensor x, long[] pads, Tensor value) {
        Shape in = x.shape();
        Shape out = Pad.outputShape(in, pads);
        int r = in.rank();
        for (int k = 0; k < r; k++) {
            if (in.dim(k) == 0 && out.dim(k) > 0 && !p.mode().equals("constant")) {
                throw new ShapeException("cannot " + p.mode() + "-pad empty axis " + k + " of " + in);
            }
        }
        long[] strides = in.strides();
        Tensor fill = value.dtype() == x.dtype() ? value : value.cast(x.dtype());
        return ElementMap.gather(x, out, ElementMap.build(out, idx -> {
            long off = 0;
            for (int k = 0; k < r; k++) {
                long c = source(p.mode(), idx[k] - pads[k], in.dim(k));
                if (c < 0) return -1;
                off += c * strides[k];
            }
            return off;
        }), fill);
    }

    /** The input coordinate read for coordinate {@code c} (maybe outside [0, dim)), or -1 for the constant. */
    private static long source(String mode, long c, int dim) {
        if (c >= 0 && c < dim) return c;
        return switch (mode) {
            case "edge" -> c < 0 ? 0 : dim - 1;
            case "reflect" -> reflect(c, dim);
            default -> -1;
        };
    }

    private static long reflect(long c, int dim) {
        if (dim == 1) return 0;
        long period = 2L * (dim - 1);
        long m = ((c % period) + period) % period;
        return m < dim ? m : period - m;
    }
}
