package dev.slim4j.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The F(4x4, 3x3) input and output transforms of {@link WinogradTransform} written out: {@code B^T d B} and
 * {@code A^T m A} with the common subexpressions of their rows shared, over vectors of tiles (lane = tile). Each
 * block of tiles goes through both passes (columns, then rows) before the next, so the intermediate stays in L1.
 * The tail tiles take the same formulas on scalars; {@link WinogradTransform}'s generic matrix passes are the
 * specification (a differential test compares them).
 */
final class WinogradF4 {
    private static final VectorSpecies<Float> SPECIES = VectorKernelSupport.SPECIES;
    private static final int LANES = VectorKernelSupport.LANES;

    private WinogradF4() {}

    /** As {@link WinogradTransform#input}: {@code d[(i*6 + j)*len + t]} to {@code v[vOff + (i*6 + j)*vStride + t]}. */
    static void input(float[] d, int len, float[] e, float[] v, int vOff, int vStride) {
        int t = 0;
        for (; t <= len - LANES; t += LANES) {
            for (int j = 0; j < 6; j++) { // columns: e[i][j] = (B^T d)[i][j], e as 36 vectors
                FloatVector d0 = FloatVector.fromArray(SPECIES, d, j * len + t);
                FloatVector d1 = FloatVector.fromArray(SPECIES, d, (6 + j) * len + t);
                FloatVector d2 = FloatVector.fromArray(SPECIES, d, (12 + j) * len + t);
                FloatVector d3 = FloatVector.fromArray(SPECIES, d, (18 + j) * len + t);
                FloatVector d4 = FloatVector.fromArray(SPECIES, d, (24 + j) * len + t);
                FloatVector d5 = FloatVector.fromArray(SPECIES, d, (30 + j) * len + t);
                inputRow(d0, d1, d2, d3, d4, d5, e, j * LANES, 6 * LANES);
            }
            for (int i = 0; i < 6; i++) { // rows: v[i][j] = (e B)[i][j]
                int row = i * 6 * LANES;
                inputRow(FloatVector.fromArray(SPECIES, e, row), FloatVector.fromArray(SPECIES, e, row + LANES),
                        FloatVector.fromArray(SPECIES, e, row + 2 * LANES),
                        FloatVector.fromArray(SPECIES, e, row + 3 * LANES),
                        FloatVector.fromArray(SPECIES, e, row + 4 * LANES),
                        FloatVector.fromArray(SPECIES, e, row + 5 * LANES), v, vOff + i * 6 * vStride + t, vStride);
            }
        }
        for (; t < len; t++) inputScalar(d, len, t, v, vOff, vStride);
    }

    /** The six outputs of one B^T row product, {@code out[at + k*step]} for k = 0..5. */
    private static void inputRow(FloatVector d0, FloatVector d1, FloatVector d2, FloatVector d3, FloatVector d4,
                                 FloatVector d5, float[] out, int at, int step) {
        FloatVector s12 = d1.add(d2);
        FloatVector t12 = d1.sub(d2);
        FloatVector s34 = d3.add(d4);
        FloatVector t43 = d4.sub(d3);
        FloatVector t42 = d4.sub(d2);
        FloatVector t31 = d3.sub(d1);
        d0.mul(4f).add(d4).sub(d2.mul(5f)).intoArray(out, at);
        s12.mul(-4f).add(s34).intoArray(out, at + step);
        t12.mul(4f).add(t43).intoArray(out, at + 2 * step);
        t31.mul(2f).add(t42).intoArray(out, at + 3 * step);
        t31.mul(-2f).add(t42).intoArray(out, at + 4 * step);
        d1.mul(4f).add(d5).sub(d3.mul(5f)).intoArray(out, at + 5 * step);
    }

    private static void inputScalar(float[] d, int len, int t, float[] v, int vOff, int vStride) {
        float[] e = new float[36];
        float[] o = new float[6];
        for (int j = 0; j < 6; j++) {
            inputRow(d[j * len + t], d[(6 + j) * len + t], d[(12 + j) * len + t], d[(18 + j) * len + t],
                    d[(24 + j) * len + t], d[(30 + j) * len + t], o);
            for (int i = 0; i < 6; i++) e[i * 6 + j] = o[i];
        }
        for (int i = 0; i < 6; i++) {
            inputRow(e[i * 6], e[i * 6 + 1], e[i * 6 + 2], e[i * 6 + 3], e[i * 6 + 4], e[i * 6 + 5], o);
            for (int j = 0; j < 6; j++) v[vOff + (i * 6 + j) * vStride + t] = o[j];
        }
    }

    private static void inputRow(float d0, float d1, float d2, float d3, float d4, float d5, float[] o) {
        o[0] = 4f * d0 + d4 - 5f * d2;
        o[1] = -4f * (d1 + d2) + (d3 + d4);
        o[2] = 4f * (d1 - d2) + (d4 - d3);
        o[3] = 2f * (d3 - d1) + (d4 - d2);
        o[4] = -2f * (d3 - d1) + (d4 - d2);
        o[5] = 4f * d1 + d5 - 5f * d3;
    }

    /**
     * As {@link WinogradTransform#output}: point (k, j) of tile t at {@code mm[mOff + (k*6 + j)*mStride + t]} to
     * output pixel (i, j) at {@code out[(i*4 + j)*len + t]}; {@code q} is scratch of at least 24 vectors.
     */
    static void output(float[] mm, int mOff, int mStride, int len, float[] q, float[] out) {
        int t = 0;
        for (; t <= len - LANES; t += LANES) {
            for (int j = 0; j < 6; j++) { // columns: q[i][j] = (A^T m)[i][j]
                int at = mOff + j * mStride + t;
                outputRow(FloatVector.fromArray(SPECIES, mm, at), FloatVector.fromArray(SPECIES, mm, at + 6 * mStride),
                        FloatVector.fromArray(SPECIES, mm, at + 12 * mStride),
                        FloatVector.fromArray(SPECIES, mm, at + 18 * mStride),
                        FloatVector.fromArray(SPECIES, mm, at + 24 * mStride),
                        FloatVector.fromArray(SPECIES, mm, at + 30 * mStride), q, j * LANES, 6 * LANES);
            }
            for (int i = 0; i < 4; i++) { // rows: out[i][j] = (q A)[i][j]
                int row = i * 6 * LANES;
                outputRow(FloatVector.fromArray(SPECIES, q, row), FloatVector.fromArray(SPECIES, q, row + LANES),
                        FloatVector.fromArray(SPECIES, q, row + 2 * LANES),
                        FloatVector.fromArray(SPECIES, q, row + 3 * LANES),
                        FloatVector.fromArray(SPECIES, q, row + 4 * LANES),
                        FloatVector.fromArray(SPECIES, q, row + 5 * LANES), out, i * 4 * len + t, len);
            }
        }
        for (; t < len; t++) outputScalar(mm, mOff, mStride, len, t, out);
    }

    /** The four outputs of one A^T row product, {@code out[at + k*step]} for k = 0..3. */
    private static void outputRow(FloatVector m0, FloatVector m1, FloatVector m2, FloatVector m3, FloatVector m4,
                                  FloatVector m5, float[] out, int at, int step) {
        FloatVector a = m1.add(m2);
        FloatVector b = m1.sub(m2);
        FloatVector c = m3.add(m4);
        FloatVector d = m3.sub(m4);
        m0.add(a).add(c).intoArray(out, at);
        d.mul(2f).add(b).intoArray(out, at + step);
        c.mul(4f).add(a).intoArray(out, at + 2 * step);
        d.mul(8f).add(b).add(m5).intoArray(out, at + 3 * step);
    }

    private static void outputScalar(float[] mm, int mOff, int mStride, int len, int t, float[] out) {
        float[] q = new float[24];
        float[] o = new float[4];
        for (int j = 0; j < 6; j++) {
            int at = mOff + j * mStride + t;
            outputRow(mm[at], mm[at + 6 * mStride], mm[at + 12 * mStride], mm[at + 18 * mStride],
                    mm[at + 24 * mStride], mm[at + 30 * mStride], o);
            for (int i = 0; i < 4; i++) q[i * 6 + j] = o[i];
        }
        for (int i = 0; i < 4; i++) {
            outputRow(q[i * 6], q[i * 6 + 1], q[i * 6 + 2], q[i * 6 + 3], q[i * 6 + 4], q[i * 6 + 5], o);
            for (int j = 0; j < 4; j++) out[(i * 4 + j) * len + t] = o[j];
        }
    }

    private static void outputRow(float m0, float m1, float m2, float m3, float m4, float m5, float[] o) {
        float a = m1 + m2;
        float b = m1 - m2;
        float c = m3 + m4;
        float d = m3 - m4;
        o[0] = m0 + a + c;
        o[1] = b + 2f * d;
        o[2] = a + 4f * c;
        o[3] = b + 8f * d + m5;
    }
}
