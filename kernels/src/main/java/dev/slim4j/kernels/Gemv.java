package dev.slim4j.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one-row case of {@link VectorGemm} (a fully connected layer at batch 1), which packing would only slow down:
 * with B transposed each output is a vector dot product of A's row and a row of B (four rows at a time); otherwise
 * rows of B are accumulated, scaled by A's elements, into a row buffer. Memory-bound: B is read once.
 */
final class Gemv {
    private static final VectorSpecies<Float> SPECIES = VectorKernelSupport.SPECIES;
    private static final int LANES = VectorKernelSupport.LANES;
    private static final long MIN_FLOATS_PER_THREAD = 1 << 18;
    private static final ThreadLocal<float[][]> ROWS = ThreadLocal.withInitial(() -> new float[2][0]);

    private Gemv() {}

    static void multiply(GemmArgs g, Parallelism parallelism) {
        int parts = (int) Math.min(parallelism.threads(), Math.max(1, (long) g.n() * g.k() / MIN_FLOATS_PER_THREAD));
        int blocks = Math.ceilDiv(g.n(), LANES);
        int used = Math.min(parts, blocks);
        parallelism.run(used, part -> {
            int from = Math.min(g.n(), (int) ((long) blocks * part / used) * LANES);
            int to = Math.min(g.n(), (int) ((long) blocks * (part + 1) / used) * LANES);
            if (to > from) range(g, from, to);
        });
    }

    /** Columns {@code [from, to)} of the one output row. */
    private static void range(GemmArgs g, int from, int to) {
        float[][] buffers = ROWS.get();
        if (buffers[0].length < Math.max(g.k(), g.n())) {
            buffers[0] = new float[Math.max(g.k(), g.n())];
            buffers[1] = new float[Math.max(g.k(), g.n())];
        }
        float[] a = buffers[0];
        for (int p = 0; p < g.k(); p++) a[p] = g.a(0, p);
        float[] row = buffers[1];
        if (g.transB()) {
            dots(g, a, row, from, to);
        } else {
            accumulate(g, a, row, from, to);
        }
        float[] c = g.c();
        for (int j = from; j < to; j++) {
            int at = g.cOff() + j;
            float v = g.alpha() * row[j] + (g.beta() == 0f ? 0f : g.beta() * c[at]);
            c[at] = g.epilogue().apply(v, 0, j);
        }
    }

    /** {@code row[j] = sum_p a[p] * B[j, p]} with B stored n x k. */
    private static void dots(GemmArgs g, float[] a, float[] row, int from, int to) {
        float[] b = g.b();
        int k = g.k();
        int j = from;
        for (; j + 4 <= to; j += 4) {
            int b0 = g.bOff() + j * g.ldb();
            int ld = g.ldb();
            FloatVector s0 = FloatVector.zero(SPECIES);
            FloatVector s1 = s0;
            FloatVector s2 = s0;
            FloatVector s3 = s0;
            int p = 0;
            for (; p + LANES <= k; p += LANES) {
                FloatVector av = FloatVector.fromArray(SPECIES, a, p);
                s0 = FloatVector.fromArray(SPECIES, b, b0 + p).fma(av, s0);
                s1 = FloatVector.fromArray(SPECIES, b, b0 + ld + p).fma(av, s1);
                s2 = FloatVector.fromArray(SPECIES, b, b0 + 2 * ld + p).fma(av, s2);
                s3 = FloatVector.fromArray(SPECIES, b, b0 + 3 * ld + p).fma(av, s3);
            }
            float r0 = VectorKernelSupport.sumInLaneOrder(s0);
            float r1 = VectorKernelSupport.sumInLaneOrder(s1);
            float r2 = VectorKernelSupport.sumInLaneOrder(s2);
            float r3 = VectorKernelSupport.sumInLaneOrder(s3);
            for (; p < k; p++) {
                r0 += a[p] * b[b0 + p];
                r1 += a[p] * b[b0 + ld + p];
                r2 += a[p] * b[b0 + 2 * ld + p];
                r3 += a[p] * b[b0 + 3 * ld + p];
            }
            row[j] = r0;
            row[j + 1] = r1;
            row[j + 2] = r2;
            row[j + 3] = r3;
        }
        for (; j < to; j++) {
            int b0 = g.bOff() + j * g.ldb();
            FloatVector s = FloatVector.zero(SPECIES);
            int p = 0;
            for (; p + LANES <= k; p += LANES) {
                s = FloatVector.fromArray(SPECIES, b, b0 + p).fma(FloatVector.fromArray(SPECIES, a, p), s);
            }
            float r = VectorKernelSupport.sumInLaneOrder(s);
            for (; p < k; p++) r += a[p] * b[b0 + p];
            row[j] = r;
        }
    }

    /** {@code row[from..to) = sum_p a[p] * B[p, from..to)} with B stored k x n. */
    private static void accumulate(GemmArgs g, float[] a, float[] row, int from, int to) {
        java.util.Arrays.fill(row, from, to, 0f);
        float[] b = g.b();
        for (int p = 0; p < g.k(); p++) {
            int base = g.bOff() + p * g.ldb();
            FloatVector av = FloatVector.broadcast(SPECIES, a[p]);
            int j = from;
            for (; j + LANES <= to; j += LANES) {
                FloatVector.fromArray(SPECIES, b, base + j).fma(av, FloatVector.fromArray(SPECIES, row, j))
                        .intoArray(row, j);
            }
            for (; j < to; j++) row[j] += a[p] * b[base + j];
        }
    }
}
