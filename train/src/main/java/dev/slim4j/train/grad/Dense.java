package dev.slim4j.train.grad;

import dev.slim4j.ir.op.Broadcast;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;

/** Gradients as plain double arrays (row-major): conversions to tensors, broadcasting and its adjoint. */
final class Dense {
    private Dense() {}

    /** A tensor of {@code dtype} holding {@code values} rounded to that type. */
    static Tensor tensor(DType dtype, Shape shape, double[] values) {
        if (dtype == DType.FLOAT64) return Tensor.ofDoubles(shape, values.clone());
        if (dtype == DType.FLOAT32) return Tensor.ofFloats(shape, FloatMatrix.toFloats(values));
        Tensor t = Tensor.allocate(dtype, shape);
        for (int i = 0; i < values.length; i++) t.setDouble(i, values[i]);
        return t;
    }

    static void addInto(double[] acc, double[] values) {
        for (int i = 0; i < acc.length; i++) acc[i] += values[i];
    }

    static double[] scaled(double[] values, double factor) {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) out[i] = values[i] * factor;
        return out;
    }

    /** For each element of {@code output} (row-major), the element of {@code input} it reads under broadcasting. */
    static int[] broadcastIndex(Shape input, Shape output) {
        long[] strides = Broadcast.strides(input, output);
        int[] map = new int[output.intSize()];
        int[] idx = new int[output.rank()];
        for (int i = 0; i < map.length; i++) {
            long off = 0;
            for (int d = 0; d < idx.length; d++) off += idx[d] * strides[d];
            map[i] = (int) off;
            increment(idx, output);
        }
        return map;
    }

    /** The adjoint of broadcasting: sums {@code grad} (of shape {@code output}) onto shape {@code input}. */
    static double[] sumTo(double[] grad, Shape output, Shape input) {
        if (output.equals(input)) return grad.clone();
        int[] map = broadcastIndex(input, output);
        double[] out = new double[input.intSize()];
        for (int i = 0; i < map.length; i++) out[map[i]] += grad[i];
        return out;
    }

    /** {@code values} (of shape {@code input}) read at every element of the broadcast shape {@code output}. */
    static double[] expand(double[] values, Shape input, Shape output) {
        int[] map = broadcastIndex(input, output);
        double[] out = new double[map.length];
        for (int i = 0; i < map.length; i++) out[i] = values[map[i]];
        return out;
    }

    /** Advances a row-major multi-index over {@code shape}. */
    static void increment(int[] idx, Shape shape) {
        for (int d = idx.length - 1; d >= 0; d--) {
            if (++idx[d] < shape.dim(d)) return;
            idx[d] = 0;
        }
    }
}
