package dev.slim4j.runtime.reference;

import dev.slim4j.ir.op.Broadcast;
import dev.slim4j.tensor.Shape;

/** For each element of a broadcast result (row-major), the element of one input that it reads. */
final class BroadcastIndex {
    private BroadcastIndex() {}

    static long[] of(Shape input, Shape output) { return offsets(output, Broadcast.strides(input, output)); }

    /** For each index of {@code shape} (row-major), the offset sum of index times {@code strides}. */
    static long[] offsets(Shape shape, long[] strides) {
        int rank = shape.rank();
        long[] map = new long[shape.intSize()];
        int[] index = new int[rank];
        long offset = 0;
        for (int i = 0; i < map.length; i++) {
            map[i] = offset;
            for (int d = rank - 1; d >= 0; d--) {
                index[d]++;
                offset += strides[d];
                if (index[d] < shape.dim(d)) break;
                offset -= strides[d] * index[d];
                index[d] = 0;
            }
        }
        return map;
    }
}
