package dev.slim4j.runtime.reference;

import dev.slim4j.ir.op.AveragePool;
import dev.slim4j.ir.op.MaxPool;
import dev.slim4j.ir.op.SlidingWindow;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.ShapeException;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reference pooling: MaxPool (with indices), AveragePool and the global pools. */
final class PoolReference {
    private PoolReference() {}

    /** A pooling window resolved for one input: the table, the planes (N * C) and the output shape. */
    private record Plan(WindowTable table, int planes, Shape outShape) {}

    private static Plan plan(String op, Tensor x, SlidingWindow window) {
        Shape xs = x.shape();
        if (xs.rank() < 3) throw new ShapeException(op + ": expected X [N, C, spatial...], found " + xs);
        int rank = xs.rank() - 2;
        if (window.kernelShape().size() != rank) {
            throw new ShapeException(op + ": expected " + rank + " values in kernel_shape for X " + xs + ", found "
                    + window.kernelShape());
        }
        int[] in = Arrays.copyOfRange(xs.toArray(), 2, xs.rank());
        int[] kernel = window.kernelShape().stream().mapToInt(Math::toIntExact).toArray();
        List<SlidingWindow.Axis> axes = window.resolve(ConvReference.longs(in), ConvReference.longs(kernel));
        int[] out = new int[rank + 2];
        out[0] = xs.dim(0);
        out[1] = xs.dim(1);
        for (int a = 0; a < rank; a++) out[a + 2] = Math.toIntExact(axes.get(a).output());
        return new Plan(WindowTable.build(in, kernel, window, axes), xs.dim(0) * xs.dim(1), Shape.of(out));
    }

    static List<Tensor> maxPool(MaxPool op, Tensor x, int outputCount) {
        Plan p = plan("MaxPool", x, op.window());
        WindowTable t = p.table;
        Tensor y = Tensor.allocate(x.dtype(), p.outShape);
        Tensor indices = outputCount > 1 ? Tensor.allocate(DType.INT64, p.outShape) : null;
        int[] in = Arrays.copyOfRange(x.shape().toArray(), 2, x.rank());
        for (int plane = 0; plane < p.planes; plane++) {
            int base = plane * t.inputSize;
            for (int o = 0; o < t.outputSize; o++) {
                double best = Double.NEGATIVE_INFINITY;
                int arg = -1;
                for (int k = 0; k < t.kernelSize; k++) {
                    int idx = t.at(o, k);
                    if (idx >= 0 && (arg < 0 || x.getDouble(base + idx) > best)) {
                        best = x.getDouble(base + idx);
                        arg = idx;
                    }
                }
                int out = plane * t.outputSize + o;
                y.setDouble(out, best);
                if (indices != null) indices.setLong(out, (long) base + storageIndex(arg, in, op.storageOrder()));
            }
        }
        List<Tensor> result = new ArrayList<>(List.of(y));
        if (outputCount > 1) result.add(indices);
        return result;
    }

    /** A row-major spatial index re-expressed in the requested storage order (1 = column-major). */
    private static long storageIndex(int rowMajor, int[] dims, long storageOrder) {
        if (storageOrder == 0 || rowMajor < 0) return rowMajor;
        int[] c = new int[dims.length];
        WindowTable.unravel(rowMajor, dims, c);
        long index = 0;
        for (int a = dims.length - 1; a >= 0; a--) index = index * dims[a] + c[a];
        return index;
    }

    static Tensor averagePool(AveragePool op, Tensor x) {
        Plan p = plan("AveragePool", x, op.window());
        WindowTable t = p.table;
        Tensor y = Tensor.allocate(x.dtype(), p.outShape);
        boolean includePad = op.countIncludePad() != 0;
        for (int plane = 0; plane < p.planes; plane++) {
            int base = plane * t.inputSize;
            for (int o = 0; o < t.outputSize; o++) {
                double sum = 0;
                int count = 0;
                for (int k = 0; k < t.kernelSize; k++) {
                    int idx = t.at(o, k);
                    if (idx >= 0) sum += x.getDouble(base + idx);
                    if (idx >= 0 || (includePad && idx == WindowTable.PADDING)) count++;
                }
                y.setDouble(plane * t.outputSize + o, sum / count);
            }
        }
        return y;
    }

    /** GlobalAveragePool (max false) or GlobalMaxPool (max true). */
    static Tensor global(String op, Tensor x, boolean max) {
        Shape xs = x.shape();
        if (xs.rank() < 3) throw new ShapeException(op + ": expected X [N, C, spatial...], found " + xs);
        int[] out = xs.toArray();
        Arrays.fill(out, 2, out.length, 1);
        int planes = xs.dim(0) * xs.dim(1);
        long size = xs.sizeBetween(2, xs.rank());
        Tensor y = Tensor.allocate(x.dtype(), Shape.of(out));
        for (int plane = 0; plane < planes; plane++) {
            double acc = max ? Double.NEGATIVE_INFINITY : 0;
            for (long i = 0; i < size; i++) {
                double v = x.getDouble(plane * size + i);
                acc = max ? Math.max(acc, v) : acc + v;
            }
            y.setDouble(plane, max ? acc : acc / size);
        }
        return y;
    }
}
