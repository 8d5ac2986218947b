package dev.slim4j.tensor;

import java.util.Arrays;
import java.util.List;

/** A concrete tensor shape. Immutable; a scalar has rank 0 and one element. */
public final class Shape {
    private static final Shape SCALAR = new Shape(new int[0]);
    private final int[] dims;
    private final long size;

    private Shape(int[] dims) {
        long n = 1;
        for (int d : dims) {
            if (d < 0) throw new ShapeException("negative dimension in " + Arrays.toString(dims));
            n = Math.multiplyExact(n, (long) d);
        }
        this.dims = dims;
        this.size = n;
    }

    public static Shape of(int... dims) { return dims.length == 0 ? SCALAR : new Shape(dims.clone()); }

    public static Shape scalar() { return SCALAR; }

    /** From ONNX-style 64-bit dims; rejects dims that do not fit a Java array index. */
    public static Shape ofLongs(long... dims) {
        int[] d = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] < 0 || dims[i] > Integer.MAX_VALUE) {
                throw new ShapeException("dimension " + i + " is " + dims[i] + ", expected 0.." + Integer.MAX_VALUE);
            }
            d[i] = (int) dims[i];
        }
        return of(d);
    }

    public static Shape of(List<? extends Number> dims) {
        long[] d = new long[dims.size()];
        for (int i = 0; i < d.length; i++) d[i] = dims.get(i).longValue();
        return ofLongs(d);
    }

    public int rank() { return dims.length; }

    public int dim(int axis) { return dims[axis]; }

    /** Number of elements (product of dims). */
    public long size() { return size; }

    /** Number of elements, as an int; fails for tensors too large for one Java array. */
    public int intSize() {
        if (size > Integer.MAX_VALUE) throw new ShapeException("tensor of " + size + " elements is too large");
        return (int) size;
    }

    public int[] toArray() { return dims.clone(); }

    public long[] toLongArray() {
        long[] l = new long[dims.length];
        for (int i = 0; i < l.length; i++) l[i] = dims[i];
        return l;
    }

    /** Resolves a possibly negative axis (ONNX convention) against this rank. */
    public int normalizeAxis(long axis) { return normalizeAxis(axis, dims.length); }

    public static int normalizeAxis(long axis, int rank) {
        long a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= Math.max(rank, 1)) {
            throw new ShapeException("axis " + axis + " out of range for rank " + rank);
        }
        return (int) a;
    }

    /** Row-major strides in elements. */
    public long[] strides() {
        long[] s = new long[dims.length];
        long acc = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= dims[i];
        }
        return s;
    }

    /** Product of dims in [from, to). */
    public long sizeBetween(int from, int to) {
        long n = 1;
        for (int i = from; i < to; i++) n *= dims[i];
        return n;
    }

    @Override public boolean equals(Object o) { return o instanceof Shape s && Arrays.equals(dims, s.dims); }

    @Override public int hashCode() { return Arrays.hashCode(dims); }

    @Override public String toString() { return Arrays.toString(dims); }
}
