package dev.slim4j.runtime.plan;

import dev.slim4j.tensor.Shape;

/** Which broadcasts of a small operand to an output shape the element-wise kernels cover. */
final class Broadcast {
    private Broadcast() {}

    /**
     * {@code [outer, channels, inner]} when {@code small}, aligned to the right of {@code y}, has its non-1 dims in
     * one contiguous block of axes equal to y's there (a scalar: channels 1; equal shapes: outer = inner = 1 with
     * everything in channels); null otherwise.
     */
    static long[] block(Shape small, Shape y) {
        int rank = y.rank();
        if (small.rank() > rank) return null;
        int shift = rank - small.rank();
        int first = -1;
        int last = -1;
        for (int i = 0; i < small.rank(); i++) {
            long d = small.dim(i);
            if (d == 1) continue;
            if (d != y.dim(i + shift)) return null;
            if (first < 0) first = i + shift;
            else if (last != i + shift - 1) return null;
            last = i + shift;
        }
        if (first < 0) return new long[] {1, 1, y.size()};
        long outer = 1;
        long channels = 1;
        long inner = 1;
        for (int i = 0; i < rank; i++) {
            if (i < first) outer *= y.dim(i);
            else if (i <= last) channels *= y.dim(i);
            else inner *= y.dim(i);
        }
        if (outer == 1 && inner == 1) return new long[] {1, channels, 1};
        return new long[] {outer, channels, inner};
    }
}
