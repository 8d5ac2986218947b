package dev.slim4j.runtime.reference;

import dev.slim4j.ir.op.Conv;
import dev.slim4j.ir.op.ConvTranspose;
import dev.slim4j.ir.op.SlidingWindow;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.ShapeException;
import dev.slim4j.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/** Reference Conv and ConvTranspose over any number of spatial axes, accumulating in double. */
final class ConvReference {
    private ConvReference() {}

    /** The sizes of a layer's operands: batch, input channels, group, spatial dims of X and of the kernel. */
    private record Layout(int batch, int inChannels, int group, int[] spatial, int[] kernel) {}

    static Tensor conv(Conv op, Tensor x, Tensor w, Tensor b) {
        Layout l = layout("Conv", x, w, op.group(), op.kernelShape());
        if (l.inChannels != w.shape().dim(1) * l.group || w.shape().dim(0) % l.group != 0) {
            throw new ShapeException("Conv: expected X channels " + l.inChannels + " = W.shape[1] * group "
                    + l.group + " and W.shape[0] divisible by group, found W " + w.shape());
        }
        int m = w.shape().dim(0);
        checkBias("Conv", b, m);
        SlidingWindow window = op.window();
        List<SlidingWindow.Axis> axes = window.resolve(longs(l.spatial), longs(l.kernel));
        WindowTable t = WindowTable.build(l.spatial, l.kernel, window, axes);
        double[] y = new double[l.batch * m * t.outputSize];
        double[] xv = x.doubles();
        double[] wv = w.doubles();
        int cg = l.inChannels / l.group;
        int mg = m / l.group;
        for (int n = 0; n < l.batch; n++) {
            for (int mi = 0; mi < m; mi++) {
                int xBase = (n * l.inChannels + (mi / mg) * cg) * t.inputSize;
                int yBase = (n * m + mi) * t.outputSize;
                double bias = b == null ? 0 : b.getDouble(mi);
                for (int o = 0; o < t.outputSize; o++) {
                    y[yBase + o] = bias + window(t, o, xv, xBase, wv, mi * cg * t.kernelSize, cg);
                }
            }
        }
        return result(x, y, l.batch, m, axes);
    }

    /** Sum over cg channels and the kernel of x * w for output position o. */
    private static double window(WindowTable t, int o, double[] x, int xBase, double[] w, int wBase, int cg) {
        double acc = 0;
        for (int c = 0; c < cg; c++) {
            int xc = xBase + c * t.inputSize;
            int wc = wBase + c * t.kernelSize;
            for (int k = 0; k < t.kernelSize; k++) {
                int idx = t.at(o, k);
                if (idx >= 0) acc += x[xc + idx] * w[wc + k];
            }
        }
        return acc;
    }

    static Tensor convTranspose(ConvTranspose op, Tensor x, Tensor w, Tensor b) {
        Layout l = layout("ConvTranspose", x, w, op.group(), op.kernelShape());
        if (l.inChannels != w.shape().dim(0) || l.inChannels % l.group != 0) {
            throw new ShapeException("ConvTranspose: expected W.shape[0] = X channels " + l.inChannels
                    + " divisible by group " + l.group + ", found W " + w.shape());
        }
        int mg = w.shape().dim(1);
        int m = mg * l.group;
        checkBias("ConvTranspose", b, m);
        List<SlidingWindow.Axis> axes = op.resolve(longs(l.spatial), longs(l.kernel));
        WindowTable t = transposedTable(op, l, axes);
        double[] y = new double[l.batch * m * t.inputSize];
        double[] xv = x.doubles();
        double[] wv = w.doubles();
        int cg = l.inChannels / l.group;
        for (int n = 0; n < l.batch; n++) {
            for (int ci = 0; ci < l.inChannels; ci++) {
                for (int mm = 0; mm < mg; mm++) {
                    int mi = (ci / cg) * mg + mm;
                    scatter(t, xv, (n * l.inChannels + ci) * t.outputSize, wv, (ci * mg + mm) * t.kernelSize,
                            y, (n * m + mi) * t.inputSize);
                }
            }
        }
        addBias(y, b, l.batch, m, t.inputSize);
        return result(x, y, l.batch, m, axes);
    }

    /** The table of a convolution from the transposed output back to its input (roles swapped). */
    private static WindowTable transposedTable(ConvTranspose op, Layout l, List<SlidingWindow.Axis> axes) {
        int rank = l.spatial.length;
        int[] out = new int[rank];
        long[] strides = new long[rank];
        long[] dilations = new long[rank];
        long[] begin = new long[rank];
        long[] end = new long[rank];
        for (int a = 0; a < rank; a++) {
            out[a] = Math.toIntExact(axes.get(a).output());
            strides[a] = op.strides().isEmpty() ? 1 : op.strides().get(a);
            dilations[a] = op.dilations().isEmpty() ? 1 : op.dilations().get(a);
            begin[a] = axes.get(a).padBegin();
            end[a] = axes.get(a).padEnd();
        }
        return WindowTable.build(out, l.spatial, l.kernel, strides, dilations, begin, end);
    }

    /** y[idx] += x[o] * w[k] for every position o of x and kernel offset k landing inside y. */
    private static void scatter(WindowTable t, double[] x, int xBase, double[] w, int wBase, double[] y, int yBase) {
        for (int o = 0; o < t.outputSize; o++) {
            double v = x[xBase + o];
            for (int k = 0; k < t.kernelSize; k++) {
                int idx = t.at(o, k);
                if (idx >= 0) y[yBase + idx] += v * w[wBase + k];
            }
        }
    }

    private static void addBias(double[] y, Tensor b, int batch, int m, int size) {
        if (b == null) return;
        for (int n = 0; n < batch; n++) {
            for (int mi = 0; mi < m; mi++) {
                double v = b.getDouble(mi);
                for (int i = 0; i < size; i++) y[(n * m + mi) * size + i] += v;
            }
        }
    }

    private static Layout layout(String op, Tensor x, Tensor w, long group, List<Long> kernelShape) {
        Shape xs = x.shape();
        Shape ws = w.shape();
        if (xs.rank() < 3 || ws.rank() != xs.rank()) {
            throw new ShapeException(op + ": expected X [N, C, spatial...] and W of the same rank >= 3, found X "
                    + xs + " and W " + ws);
        }
        int rank = xs.rank() - 2;
        int[] spatial = new int[rank];
        int[] kernel = new int[rank];
        for (int a = 0; a < rank; a++) {
            spatial[a] = xs.dim(a + 2);
            kernel[a] = ws.dim(a + 2);
        }
        if (!kernelShape.isEmpty() && !kernelShape.equals(Arrays.stream(kernel).asLongStream().boxed().toList())) {
            throw new ShapeException(op + ": kernel_shape " + kernelShape + " does not match W " + ws);
        }
        return new Layout(xs.dim(0), xs.dim(1), Math.toIntExact(group), spatial, kernel);
    }

    private static void checkBias(String op, Tensor b, int m) {
        if (b != null && (b.rank() != 1 || b.shape().dim(0) != m)) {
            throw new ShapeException(op + ": expected B of shape [" + m + "], found " + b.shape());
        }
    }

    private static Tensor result(Tensor like, double[] y, int batch, int channels, List<SlidingWindow.Axis> axes) {
        int[] dims = new int[axes.size() + 2];
        dims[0] = batch;
        dims[1] = channels;
        for (int a = 0; a < axes.size(); a++) dims[a + 2] = Math.toIntExact(axes.get(a).output());
        Tensor out = Tensor.allocate(like.dtype(), Shape.of(dims));
        for (int i = 0; i < y.length; i++) out.setDouble(i, y[i]);
        return out;
    }

    static long[] longs(int[] v) {
        long[] l = new long[v.length];
        for (int i = 0; i < v.length; i++) l[i] = v[i];
        return l;
    }
}
