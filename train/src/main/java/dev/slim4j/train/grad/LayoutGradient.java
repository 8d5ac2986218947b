package dev.slim4j.train.grad;

import dev.slim4j.ir.op.Axes;
import dev.slim4j.ir.op.Concat;
import dev.slim4j.ir.op.Gather;
import dev.slim4j.ir.op.Pad;
import dev.slim4j.ir.op.Slice;
import dev.slim4j.ir.op.Split;
import dev.slim4j.ir.op.Transpose;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.List;

/**
 * Gradients of the data-movement ops. Each output element copies one input element (or a constant),
 * so the gradient scatters dy back to the source element, summing where several outputs read one input.
 */
final class LayoutGradient {
    private LayoutGradient() {}

    /** Maps an output multi-index to the flat index of the input element it copies, or -1 for none. */
    @FunctionalInterface
    private interface Source {
        long of(int[] index);
    }

    /** dx[source(i)] += dy[i] over every element i of {@code out}. */
    private static double[] scatter(double[] dy, Shape out, Shape in, Source source) {
        double[] dx = new double[in.intSize()];
        int[] idx = new int[out.rank()];
        for (int i = 0; i < dy.length; i++) {
            long src = source.of(idx);
            if (src >= 0) dx[(int) src] += dy[i];
            Dense.increment(idx, out);
        }
        return dx;
    }

    private static long dot(int[] idx, long[] strides) {
        long off = 0;
        for (int k = 0; k < idx.length; k++) off += idx[k] * strides[k];
        return off;
    }

    static double[] transpose(Transpose t, Tensor x, double[] dy) {
        int[] perm = t.permutation(x.rank());
        long[] strides = x.shape().strides();
        long[] permuted = new long[perm.length];
        for (int i = 0; i < perm.length; i++) permuted[i] = strides[perm[i]];
        return scatter(dy, t.outputShape(x.shape()), x.shape(), idx -> dot(idx, permuted));
    }

    static double[] slice(Step s, double[] dy) {
        Tensor x = s.input(0);
        long[] axes = s.input(3) == null ? null : Axes.values(s.input(3));
        long[] steps = s.input(4) == null ? null : Axes.values(s.input(4));
        Slice.AxisRange[] ranges = Slice.ranges(x.shape().toLongArray(), Axes.values(s.input(1)),
                Axes.values(s.input(2)), axes, steps);
        long[] strides = x.shape().strides();
        return scatter(dy, s.output(0).shape(), x.shape(), idx -> {
            long off = 0;
            for (int k = 0; k < idx.length; k++) off += (ranges[k].start() + idx[k] * ranges[k].step()) * strides[k];
            return off;
        });
    }

    /** Constant mode: padded elements read no input; edge and reflect: the clamped or mirrored input element. */
    static double[] pad(Pad p, Step s, double[] dy) {
        Tensor x = s.input(0);
        long[] pads = p.pads().isPresent() ? Axes.array(p.pads().get()) : Axes.values(s.input(1));
        Shape in = x.shape();
        int r = in.rank();
        long[] strides = in.strides();
        return scatter(dy, s.output(0).shape(), in, idx -> {
            long off = 0;
            for (int k = 0; k < r; k++) {
                long c = source(p.mode(), idx[k] - pads[k], in.dim(k));
                if (c < 0) return -1;
                off += c * strides[k];
            }
            return off;
        });
    }

    private static long source(String mode, long c, int dim) {
        if (c >= 0 && c < dim) return c;
        return switch (mode) {
            case "edge" -> c < 0 ? 0 : dim - 1;
            case "reflect" -> {
                if (dim == 1) yield 0;
                long period = 2L * (dim - 1);
                long m = ((c % period) + period) % period;
                yield m < dim ? m : period - m;
            }
            default -> -1;
        };
    }

    static double[] tile(Tensor x, Tensor y, double[] dy) {
        Shape in = x.shape();
        long[] strides = in.strides();
        return scatter(dy, y.shape(), in, idx -> {
            long off = 0;
            for (int k = 0; k < idx.length; k++) off += (long) (idx[k] % in.dim(k)) * strides[k];
            return off;
        });
    }

    /** Scatter-add into the rows the indices picked (an embedding's gradient). */
    static double[] gather(Gather g, Tensor data, Tensor indices, double[] dy) {
        Shape in = data.shape();
        int axis = Axes.normalize(g.axis(), in.rank());
        int q = indices.rank();
        Shape out = Shape.of(Gather.outputDims(boxed(in), boxed(indices.shape()), axis));
        long[] strides = in.strides();
        long[] indexStrides = indices.shape().strides();
        return scatter(dy, out, in, idx -> {
            long at = 0;
            for (int k = 0; k < q; k++) at += idx[axis + k] * indexStrides[k];
            long off = Gather.resolveIndex(indices.getLong(at), in.dim(axis)) * strides[axis];
            for (int k = 0; k < axis; k++) off += idx[k] * strides[k];
            for (int k = axis + 1; k < in.rank(); k++) off += idx[k + q - 1] * strides[k];
            return off;
        });
    }

    private static List<Integer> boxed(Shape s) { return java.util.Arrays.stream(s.toArray()).boxed().toList(); }

    /** Each input gets its own band of dy along the axis. */
    static double[][] concat(Concat c, List<Tensor> inputs, double[] dy) {
        Shape first = inputs.getFirst().shape();
        int axis = Axes.normalize(c.axis(), first.rank());
        long outer = first.sizeBetween(0, axis);
        long inner = first.sizeBetween(axis + 1, first.rank());
        long total = 0;
        for (Tensor t : inputs) total += t.shape().dim(axis);
        double[][] dx = new double[inputs.size()][];
        long offset = 0;
        for (int j = 0; j < dx.length; j++) {
            int len = inputs.get(j).shape().dim(axis);
            dx[j] = new double[inputs.get(j).shape().intSize()];
            for (long o = 0; o < outer; o++) {
                System.arraycopy(dy, (int) ((o * total + offset) * inner), dx[j], (int) (o * len * inner), (int) (len * inner));
            }
            offset += len;
        }
        return dx;
    }

    /** The pieces' gradients joined back along the axis (an output without gradient contributes zeros). */
    static double[] split(Split s, Step step, double[][] dy) {
        Shape in = step.inputShape(0);
        int axis = Axes.normalize(s.axis(), in.rank());
        long outer = in.sizeBetween(0, axis);
        long inner = in.sizeBetween(axis + 1, in.rank());
        int total = in.dim(axis);
        double[] dx = new double[in.intSize()];
        long offset = 0;
        for (int j = 0; j < dy.length; j++) {
            int len = step.output(j).shape().dim(axis);
            for (long o = 0; o < outer && dy[j] != null; o++) {
                System.arraycopy(dy[j], (int) (o * len * inner), dx, (int) ((o * total + offset) * inner), (int) (len * inner));
            }
            offset += len;
        }
        return dx;
    }
}
