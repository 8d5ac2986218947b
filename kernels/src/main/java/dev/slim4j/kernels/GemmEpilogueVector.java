package dev.slim4j.kernels;

import static dev.slim4j.kernels.GemmMicroKernel.LANES;
import static dev.slim4j.kernels.GemmMicroKernel.SPECIES;

import jdk.incubator.vector.FloatVector;

/** Applies an {@link Epilogue} in place to a block of C with vectors, right after the block's last update. */
final class GemmEpilogueVector {
    private GemmEpilogueVector() {}

    /** Block of {@code rows x cols} at C's row {@code i0}, column {@code j0} (indices into the whole problem). */
    static void apply(Epilogue e, float[] c, int cOff, int ldc, int i0, int j0, int rows, int cols) {
        Activation act = e.activation();
        boolean vectorAct = ActivationVector.vectorizable(act);
        int vectorCols = cols - cols % LANES;
        boolean perRow = e.biasAxis() == Epilogue.Axis.ROW;
        boolean perColumn = e.biasAxis() == Epilogue.Axis.COLUMN;
        float[] res = e.residual();
        for (int r = 0; r < rows; r++) {
            int i = i0 + r;
            int ci = cOff + i * ldc + j0;
            int ri = res == null ? 0 : e.residualOffset() + i * e.residualLd() + j0;
            float rowBias = perRow ? e.bias()[e.biasOffset() + i] : 0f;
            for (int v = 0; v < vectorCols; v += LANES) {
                FloatVector x = FloatVector.fromArray(SPECIES, c, ci + v);
                if (perRow) {
                    x = x.add(rowBias);
                }
                if (perColumn) {
                    x = x.add(FloatVector.fromArray(SPECIES, e.bias(), e.biasOffset() + j0 + v));
                }
                if (res != null) {
                    x = x.add(FloatVector.fromArray(SPECIES, res, ri + v));
                }
                if (vectorAct) {
                    x = ActivationVector.apply(act, x);
                }
                x.intoArray(c, ci + v);
            }
            if (!vectorAct) {
                act.applyScalar(c, ci, ci + vectorCols);
            }
            for (int j = vectorCols; j < cols; j++) {
                c[ci + j] = e.apply(c[ci + j], i, j0 + j);
            }
        }
    }
}
