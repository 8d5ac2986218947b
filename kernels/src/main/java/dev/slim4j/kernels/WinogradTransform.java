package dev.slim4j.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The transform matrices of a {@link WinogradVariant} ({@code B^T}, {@code G}, {@code A^T}) and the three
 * transforms. Input and output transforms work on all tiles of a plane at once with the tile index innermost and
 * contiguous, so every inner loop is a vector {@code dst[t] += c * src[t]} over the plane's tiles.
 */
final class WinogradTransform {
    private static final VectorSpecies<Float> SPECIES = VectorKernelSupport.SPECIES;
    private static final int LANES = VectorKernelSupport.LANES;
    private static final float[][] BT2 = {{1, 0, -1, 0}, {0, 1, 1, 0}, {0, -1, 1, 0}, {0, 1, 0, -1}};
    private static final double[][] G2 = {{1, 0, 0}, {0.5, 0.5, 0.5}, {0.5, -0.5, 0.5}, {0, 0, 1}};
    private static final float[][] AT2 = {{1, 1, 1, 0}, {0, 1, -1, -1}};
    private static final float[][] BT4 = {
            {4, 0, -5, 0, 1, 0}, {0, -4, -4, 1, 1, 0}, {0, 4, -4, -1, 1, 0},
            {0, -2, -1, 2, 1, 0}, {0, 2, -1, -2, 1, 0}, {0, 4, 0, -5, 0, 1}};
    private static final double[][] G4 = {
            {1 / 4.0, 0, 0}, {-1 / 6.0, -1 / 6.0, -1 / 6.0}, {-1 / 6.0, 1 / 6.0, -1 / 6.0},
            {1 / 24.0, 1 / 12.0, 1 / 6.0}, {1 / 24.0, -1 / 12.0, 1 / 6.0}, {0, 0, 1}};
    private static final float[][] AT4 = {
            {1, 1, 1, 1, 1, 0}, {0, 1, -1, 2, -2, 0}, {0, 1, 1, 4, 4, 0}, {0, 1, -1, 8, -8, 1}};

    final int m;
    final int alpha;
    private final double[][] g;
    private final float[][] bt;
    private final float[][] at;

    WinogradTransform(WinogradVariant variant) {
        this.m = variant.outputTile();
        this.alpha = variant.inputTile();
        boolean small = variant == WinogradVariant.F2X2_3X3;
        this.g = small ? G2 : G4;
        this.bt = small ? BT2 : BT4;
        this.at = small ? AT2 : AT4;
    }

    /** {@code u[xi * stride] = (G w G^T)[xi]} for the 3x3 filter at {@code w[wOff]} (row-major), in double. */
    void filter(float[] w, int wOff, float[] u, int uOff, int stride) {
        double[][] gw = new double[alpha][3];
        for (int i = 0; i < alpha; i++) {
            for (int col = 0; col < 3; col++) {
                gw[i][col] = g[i][0] * w[wOff + col] + g[i][1] * w[wOff + 3 + col] + g[i][2] * w[wOff + 6 + col];
            }
        }
        for (int i = 0; i < alpha; i++) {
            for (int j = 0; j < alpha; j++) {
                double v = gw[i][0] * g[j][0] + gw[i][1] * g[j][1] + gw[i][2] * g[j][2];
                u[uOff + (i * alpha + j) * stride] = (float) v;
            }
        }
    }

    /**
     * Input transform of one plane's tiles: {@code d[(i*alpha + j)*len + t]} is element (i, j) of tile t; writes
     * {@code v[vOff + xi*vStride + t] = (B^T d B)[xi]} for t < len. {@code e} is scratch of alpha^2 * len floats.
     */
    void input(float[] d, int len, float[] e, float[] v, int vOff, int vStride) {
        if (alpha == 6) WinogradF4.input(d, len, e, v, vOff, vStride);
        else inputByMatrix(d, len, e, v, vOff, vStride);
    }

    /** {@link #input} as passes of the matrix {@code B^T} (any variant): the specification. */
    void inputByMatrix(float[] d, int len, float[] e, float[] v, int vOff, int vStride) {
        for (int i = 0; i < alpha; i++) {
            for (int j = 0; j < alpha; j++) {
                combine(bt[i], d, j * len, alpha * len, e, (i * alpha + j) * len, len);
            }
        }
        for (int i = 0; i < alpha; i++) {
            for (int j = 0; j < alpha; j++) {
                combine(bt[j], e, i * alpha * len, len, v, vOff + (i * alpha + j) * vStride, len);
            }
        }
    }

    /**
     * Output transform of one plane's tiles: {@code mm[mOff + xi*mStride + t]} is point xi of tile t; writes
     * {@code out[(i*m + j)*len + t]} = output pixel (i, j) of tile t. {@code q} is scratch of m * alpha * len.
     */
    void output(float[] mm, int mOff, int mStride, int len, float[] q, float[] out) {
        if (alpha == 6) WinogradF4.output(mm, mOff, mStride, len, q, out);
        else outputByMatrix(mm, mOff, mStride, len, q, out);
    }

    /** {@link #output} as passes of the matrix {@code A^T} (any variant): the specification. */
    void outputByMatrix(float[] mm, int mOff, int mStride, int len, float[] q, float[] out) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < alpha; j++) {
                combine(at[i], mm, mOff + j * mStride, alpha * mStride, q, (i * alpha + j) * len, len);
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                combine(at[j], q, i * alpha * len, len, out, (i * m + j) * len, len);
            }
        }
    }

    /** {@code dst[dOff + x] = sum_k coef[k] * src[sOff + k*step + x]} for x < len (zero coefficients skipped). */
    private static void combine(float[] coef, float[] src, int sOff, int step, float[] dst, int dOff, int len) {
        boolean first = true;
        for (int k = 0; k < coef.length; k++) {
            float c = coef[k];
            if (c == 0f) {
                continue;
            }
            int from = sOff + k * step;
            if (first) {
                scale(c, src, from, dst, dOff, len);
                first = false;
            } else {
                axpy(c, src, from, dst, dOff, len);
            }
        }
        if (first) {
            java.util.Arrays.fill(dst, dOff, dOff + len, 0f);
        }
    }

    private static void axpy(float c, float[] src, int sOff, float[] dst, int dOff, int len) {
        int x = 0;
        FloatVector cv = FloatVector.broadcast(SPECIES, c);
        for (; x <= len - LANES; x += LANES) {
            FloatVector.fromArray(SPECIES, src, sOff + x).fma(cv, FloatVector.fromArray(SPECIES, dst, dOff + x))
                    .intoArray(dst, dOff + x);
        }
        for (; x < len; x++) {
            dst[dOff + x] += c * src[sOff + x];
        }
    }

    private static void scale(float c, float[] src, int sOff, float[] dst, int dOff, int len) {
        int x = 0;
        for (; x <= len - LANES; x += LANES) {
            FloatVector.fromArray(SPECIES, src, sOff + x).mul(c).intoArray(dst, dOff + x);
        }
        for (; x < len; x++) {
            dst[dOff + x] = c * src[sOff + x];
        }
    }
}
