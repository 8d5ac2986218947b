package dev.slim4j.compress.prune;

import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.lang.foreign.MemorySegment;

/** Keeps chosen entries of one axis of a tensor (a new tensor; the input is untouched), or zeroes the others. */
final class TensorSlice {
    private TensorSlice() {}

    static Tensor keep(Tensor t, int axis, int[] kept) {
        int[] dims = t.shape().toArray();
        long outer = t.shape().sizeBetween(0, axis);
        long inner = t.shape().sizeBetween(axis + 1, dims.length) * t.dtype().byteSize();
        int size = dims[axis];
        dims[axis] = kept.length;
        Tensor out = Tensor.allocate(t.dtype(), Shape.of(dims));
        MemorySegment src = t.segment();
        MemorySegment dst = out.segment();
        long at = 0;
        for (long o = 0; o < outer; o++) {
            for (int k : kept) {
                MemorySegment.copy(src, (o * size + k) * inner, dst, at, inner);
                at += inner;
            }
        }
        return out;
    }

    /** A copy of a float tensor with every entry of {@code axis} not in {@code kept} set to zero. */
    static Tensor zeroOthers(Tensor t, int axis, int[] kept) {
        boolean[] keep = new boolean[t.shape().dim(axis)];
        for (int k : kept) keep[k] = true;
        float[] v = t.floats();
        long inner = t.shape().sizeBetween(axis + 1, t.rank());
        for (int i = 0; i < v.length; i++) if (!keep[(int) ((i / inner) % keep.length)]) v[i] = 0f;
        return Tensor.ofFloats(t.shape(), v);
    }
}
