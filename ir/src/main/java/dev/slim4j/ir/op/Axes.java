package dev.slim4j.ir.op;

import dev.slim4j.tensor.ShapeException;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Axis lists and shape-like integer tensors as the data-movement ops read them (ONNX conventions). */
public final class Axes {
    private Axes() {}

    /** The elements of an integer tensor (INT32 or INT64, any shape) as longs. */
    public static long[] values(Tensor t) {
        if (t.dtype().isFloatingPoint()) {
            throw new ShapeException("expected an integer tensor, found " + t.dtype() + t.shape());
        }
        long[] out = new long[t.shape().intSize()];
        for (int i = 0; i < out.length; i++) out[i] = t.getLong(i);
        return out;
    }

    /** The elements of an optional integer tensor, empty when it is absent. */
    public static Optional<long[]> values(Optional<Tensor> t) { return t.map(Axes::values); }

    public static long[] array(List<Long> values) { return values.stream().mapToLong(Long::longValue).toArray(); }

    public static List<Long> list(long[] values) {
        List<Long> out = new ArrayList<>(values.length);
        for (long v : values) out.add(v);
        return List.copyOf(out);
    }

    /** Resolves possibly negative axes against {@code rank}; fails on an axis out of range or given twice. */
    public static int[] normalize(long[] axes, int rank) {
        int[] out = new int[axes.length];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < axes.length; i++) {
            long a = axes[i] < 0 ? axes[i] + rank : axes[i];
            if (a < 0 || a >= rank) {
                throw new ShapeException("expected axis in [" + -rank + ", " + (rank - 1) + "], found " + axes[i]);
            }
            if (seen[(int) a]) throw new ShapeException("axis " + axes[i] + " is given twice");
            seen[(int) a] = true;
            out[i] = (int) a;
        }
        return out;
    }

    /** Resolves one possibly negative axis against {@code rank}. */
    public static int normalize(long axis, int rank) { return normalize(new long[] {axis}, rank)[0]; }
}
