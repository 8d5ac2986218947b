package dev.slim4j.kernels;

import java.util.Objects;

/**
 * Per-channel {@code y = x * scale[c] + shift[c]}: inference BatchNorm folded once
 * ({@code scale = gamma / sqrt(var + eps)}, {@code shift = beta - mean * scale}, computed in double).
 * Arrays are owned by the record and must not be changed after construction.
 */
public record ScaleShift(float[] scale, float[] shift) {

    public ScaleShift {
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(shift, "shift");
        if (scale.length != shift.length) {
            throw new IllegalArgumentException("expected scale and shift of the same length, found "
                    + scale.length + " and " + shift.length);
        }
    }

    /** Folds BatchNormalization's inference parameters, each {@code channels} floats from its offset. */
    public static ScaleShift ofBatchNorm(int channels, float[] gamma, int gammaOff, float[] beta, int betaOff,
                                         float[] mean, int meanOff, float[] var, int varOff, float epsilon) {
        float[] scale = new float[channels];
        float[] shift = new float[channels];
        for (int c = 0; c < channels; c++) {
            double s = gamma[gammaOff + c] / Math.sqrt((double) var[varOff + c] + epsilon);
            scale[c] = (float) s;
            shift[c] = (float) (beta[betaOff + c] - mean[meanOff + c] * s);
        }
        return new ScaleShift(scale, shift);
    }

    public int channels() {
        return scale.length;
    }

    /** Applies this map over {@code [outer, channels, inner]} with {@code elementwise}. */
    public void apply(Elementwise elementwise, float[] x, int xOff, float[] y, int yOff, int outer, int inner,
                      Activation activation) {
        elementwise.scaleShift(x, xOff, scale, 0, shift, 0, y, yOff, outer, channels(), inner, activation);
    }
}
