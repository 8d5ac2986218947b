package dev.slim4j.kernels;

import static dev.slim4j.kernels.GemmMicroKernel.LANES;
import static dev.slim4j.kernels.GemmMicroKernel.SPECIES;

import jdk.incubator.vector.FloatVector;

/** Applies an {@link Epilogue} in place to a block of C with vectors, right after the block's last update. */
final class GemmEpilogueVector {
    private GemmEpilogueVector() {}

    /** Block of {@code rows x cols} at C's row {@code i0}, column {@code j0} (indices into the whole problem). */
    static void apply(Epilogue e, float[] c, int cOff, int ldc, int i0, int j0, int rows, int cols) {
        FloatVector zero = FloatVector.zero(SPECIES);
        int vectorCols = cols - cols % LANES;
        for (int r = 0; r < rows; r++) {
            int i = i0 + r;
            int ci = cOff + i * ldc + j0;
            boolean perRow = e.biasAxis() == Epilogue.Axis.ROW;
            FloatVector rowBias = perRow ? FloatVector.broadcast(SPECIES, e.bias()[e.biasOffset() + i]) : zero;
            for (int v = 0; v < vectorCols; v += LANES) {
                FloatVector x = FloatVector.fromArray(SPECIES, c, ci + v);
                if (perRow) {
                    x = x.add(rowBias);
                }
                if (e.biasAxis() == Epilogue.Axis.COLUMN) {
                    x = x.add(FloatVector.fromArray(SPECIES, e.bias(), e.biasOffset() + j0 + v));
                }
                if (e.relu()) {
                    x = x.max(zero);
                }
                x.intoArray(c, ci + v);
            }
            for (int j = vectorCols; j < cols; j++) {
                c[ci + j] = e.apply(c[ci + j], i, j0 + j);
            }
        }
    }
}
