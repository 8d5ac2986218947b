package dev.slim4j.runtime.plan;

/**
 * {@code y[i] = x[base + sum_d idx_d(i) * strides[d]]} over y's {@code dims} in row-major order, with y written
 * at {@code yShift} floats past its offset and rows of {@code yRowStride} floats (for Concat: one input into its
 * place). Transpose, Slice (any steps) and Concat are this one copy; a unit inner stride copies whole rows.
 */
record StridedCopyStep(int[] dims, int[] strides, int base, int yShift, int yRowStride, Operand x, Operand y)
        implements Step {
    @Override public void run(Frame f) {
        float[] xa = x.array(f);
        int xo = x.offset(f) + base;
        float[] ya = y.array(f);
        int yo = y.offset(f) + yShift;
        int rank = dims.length;
        int inner = dims[rank - 1];
        int innerStride = strides[rank - 1];
        int rows = 1;
        for (int d = 0; d < rank - 1; d++) rows *= dims[d];
        int[] idx = new int[Math.max(0, rank - 1)];
        int src = xo;
        for (int row = 0; row < rows; row++) {
            int dst = yo + row * yRowStride;
            if (innerStride == 1) {
                System.arraycopy(xa, src, ya, dst, inner);
            } else {
                for (int i = 0, s = src; i < inner; i++, s += innerStride) ya[dst + i] = xa[s];
            }
            for (int d = rank - 2; d >= 0; d--) { // odometer over the outer dims
                src += strides[d];
                if (++idx[d] < dims[d]) break;
                src -= strides[d] * dims[d];
                idx[d] = 0;
            }
        }
    }
}
