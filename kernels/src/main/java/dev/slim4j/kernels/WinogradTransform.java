package dev.slim4j.kernels;

/**
 * The transform matrices of a {@link WinogradVariant} ({@code B^T}, {@code G}, {@code A^T}) and the three
 * transforms. Input and output tiles are handled a whole tile row at a time with the tile index innermost and
 * contiguous (input rows are stored phase-major: column {@code m*u + q} at {@code [q][u]}), so every inner loop
 * is a plain {@code dst[u] += c * src[u]} that C2 vectorizes.
 */
final class WinogradTransform {
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
     * One tile row of the input transform: {@code rows} holds the alpha input rows of the row, phase-major
     * ({@code rows[rowsOff + (k*m + q)*pw + u]} = padded row k, column m*u + q, {@code pw >= tiles + 1});
     * {@code v[vOff + xi*vStride + u] = (B^T d B)[xi]} for tile u. {@code s} is scratch of alpha*m*pw floats.
     */
    void input(float[] rows, int rowsOff, int pw, int tiles, float[] s, float[] v, int vOff, int vStride) {
        int phases = m * pw;
        for (int i = 0; i < alpha; i++) {
            combine(bt[i], rows, rowsOff, phases, s, i * phases);
        }
        for (int i = 0; i < alpha; i++) {
            for (int j = 0; j < alpha; j++) {
                int dst = vOff + (i * alpha + j) * vStride;
                java.util.Arrays.fill(v, dst, dst + tiles, 0f);
                float[] row = bt[j];
                for (int k = 0; k < alpha; k++) {
                    if (row[k] != 0f) {
                        axpy(row[k], s, i * phases + (k % m) * pw + k / m, v, dst, tiles);
                    }
                }
            }
        }
    }

    /**
     * One tile row of the output transform: {@code mm[mOff + xi*mStride + u]} is point xi of tile u;
     * {@code out[(i*m + j)*pw + u]} receives output pixel (i, j) of tile u. {@code q} is scratch of m*alpha*pw.
     */
    void output(float[] mm, int mOff, int mStride, int tiles, float[] q, float[] out, int pw) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < alpha; j++) {
                int dst = (i * alpha + j) * pw;
                java.util.Arrays.fill(q, dst, dst + tiles, 0f);
                for (int k = 0; k < alpha; k++) {
                    if (at[i][k] != 0f) {
                        axpy(at[i][k], mm, mOff + (k * alpha + j) * mStride, q, dst, tiles);
                    }
                }
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                int dst = (i * m + j) * pw;
                java.util.Arrays.fill(out, dst, dst + tiles, 0f);
                for (int k = 0; k < alpha; k++) {
                    if (at[j][k] != 0f) {
                        axpy(at[j][k], q, (i * alpha + k) * pw, out, dst, tiles);
                    }
                }
            }
        }
    }

    /** {@code dst[dOff + x] = sum_k coef[k] * src[sOff + k*len + x]} for x < len. */
    private static void combine(float[] coef, float[] src, int sOff, int len, float[] dst, int dOff) {
        java.util.Arrays.fill(dst, dOff, dOff + len, 0f);
        for (int k = 0; k < coef.length; k++) {
            if (coef[k] != 0f) {
                axpy(coef[k], src, sOff + k * len, dst, dOff, len);
            }
        }
    }

    private static void axpy(float c, float[] src, int sOff, float[] dst, int dOff, int len) {
        if (c == 1f) {
            for (int x = 0; x < len; x++) {
                dst[dOff + x] += src[sOff + x];
            }
        } else if (c == -1f) {
            for (int x = 0; x < len; x++) {
                dst[dOff + x] -= src[sOff + x];
            }
        } else {
            for (int x = 0; x < len; x++) {
                dst[dOff + x] += c * src[sOff + x];
            }
        }
    }
}
