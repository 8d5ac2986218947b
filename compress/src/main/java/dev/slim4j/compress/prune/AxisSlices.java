package dev.slim4j.compress.prune;

import java.util.Arrays;

/**
 * Entry {@code index} along one axis of a dense row-major array: the strided set of elements whose
 * coordinate on that axis equals {@code index}, zeroed in place (soft pruning of live parameters).
 */
record AxisSlices(int[] dims, int axis) {
    AxisSlices {
        if (axis < 0 || axis >= dims.length) {
            throw new IllegalArgumentException("axis " + axis + " outside a tensor of rank " + dims.length);
        }
        dims = dims.clone();
    }

    private int inner() {
        int n = 1;
        for (int d = axis + 1; d < dims.length; d++) n *= dims[d];
        return n;
    }

    private int outer() {
        int n = 1;
        for (int d = 0; d < axis; d++) n *= dims[d];
        return n;
    }

    /** Sets slice {@code index} to zero. */
    void zero(float[] data, int index) {
        int inner = inner();
        int block = dims[axis] * inner;
        for (int o = 0, outer = outer(); o < outer; o++) {
            Arrays.fill(data, o * block + index * inner, o * block + index * inner + inner, 0f);
        }
    }
}
