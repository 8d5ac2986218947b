package dev.slim4j.kernels;

import static dev.slim4j.kernels.GemmMicroKernel.LANES;
import static dev.slim4j.kernels.GemmMicroKernel.MR;
import static dev.slim4j.kernels.GemmMicroKernel.NR;
import static dev.slim4j.kernels.GemmMicroKernel.SPECIES;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;

/**
 * Copies blocks of op(A) and op(B) into the contiguous sliver layouts {@link GemmMicroKernel} reads, padding
 * edge slivers with zeros so the micro-kernel always computes full tiles. A is scaled by alpha while packed.
 */
final class GemmPacking {
    private GemmPacking() {}

    /** Packs rows {@code [i0, i0+rows)} x depth {@code [p0, p0+kc)} of alpha*op(A): sliver s at {@code ap[s*kc]}. */
    static void packA(GemmArgs g, int i0, int rows, int p0, int kc, float[] ap) {
        for (int s = 0; s < rows; s += MR) {
            int height = Math.min(MR, rows - s);
            int base = s * kc;
            if (height < MR) {
                Arrays.fill(ap, base, base + MR * kc, 0f);
            }
            if (g.transA()) {
                packATransposed(g, i0 + s, height, p0, kc, ap, base);
            } else {
                packARows(g, i0 + s, height, p0, kc, ap, base);
            }
        }
    }

    private static void packARows(GemmArgs g, int i, int height, int p0, int kc, float[] ap, int base) {
        float[] a = g.a();
        float alpha = g.alpha();
        int done = height == MR ? packARowsGathered(g, i, p0, kc, ap, base) : 0;
        for (int r = 0; r < height; r++) {
            int src = g.aOff() + (i + r) * g.lda() + p0;
            for (int p = done; p < kc; p++) {
                ap[base + p * MR + r] = alpha * a[src + p];
            }
        }
    }

    /**
     * A full sliver of MR rows, LANES depth steps at a time: the MR * LANES packed floats of a step are MR vectors,
     * each gathered from the MR rows. Returns the depth packed (a multiple of LANES); the caller packs the rest.
     */
    private static int packARowsGathered(GemmArgs g, int i, int p0, int kc, float[] ap, int base) {
        int[] index = new int[MR * LANES];
        for (int q = 0; q < index.length; q++) {
            index[q] = (q % MR) * g.lda() + q / MR;
        }
        float[] a = g.a();
        int src = g.aOff() + i * g.lda() + p0;
        int depth = kc - kc % LANES;
        for (int p = 0; p < depth; p += LANES) {
            int dst = base + p * MR;
            for (int v = 0; v < MR; v++) {
                FloatVector.fromArray(SPECIES, a, src + p, index, v * LANES).mul(g.alpha()).intoArray(ap, dst + v * LANES);
            }
        }
        return depth;
    }

    private static void packATransposed(GemmArgs g, int i, int height, int p0, int kc, float[] ap, int base) {
        float[] a = g.a();
        float alpha = g.alpha();
        for (int p = 0; p < kc; p++) {
            int src = g.aOff() + (p0 + p) * g.lda() + i;
            int dst = base + p * MR;
            for (int r = 0; r < height; r++) {
                ap[dst + r] = alpha * a[src + r];
            }
        }
    }

    /** Packs depth {@code [p0, p0+kc)} x columns {@code [j0, j0+cols)} of op(B): sliver t at {@code bp[t*kc]}. */
    static void packB(GemmArgs g, int p0, int kc, int j0, int cols, float[] bp) {
        for (int t = 0; t < cols; t += NR) {
            int width = Math.min(NR, cols - t);
            int base = t * kc;
            if (width < NR) {
                Arrays.fill(bp, base, base + NR * kc, 0f);
            }
            if (g.transB()) {
                packBTransposed(g, p0, kc, j0 + t, width, bp, base);
            } else if (width == NR) {
                packBRowsFull(g, p0, kc, j0 + t, bp, base);
            } else {
                packBRowsPartial(g, p0, kc, j0 + t, width, bp, base);
            }
        }
    }

    private static void packBRowsFull(GemmArgs g, int p0, int kc, int j, float[] bp, int base) {
        float[] b = g.b();
        for (int p = 0; p < kc; p++) {
            int src = g.bRow(p0 + p) + j;
            int dst = base + p * NR;
            for (int v = 0; v < NR; v += LANES) {
                FloatVector.fromArray(SPECIES, b, src + v).intoArray(bp, dst + v);
            }
        }
    }

    private static void packBRowsPartial(GemmArgs g, int p0, int kc, int j, int width, float[] bp, int base) {
        float[] b = g.b();
        for (int p = 0; p < kc; p++) {
            System.arraycopy(b, g.bRow(p0 + p) + j, bp, base + p * NR, width);
        }
    }

    private static void packBTransposed(GemmArgs g, int p0, int kc, int j, int width, float[] bp, int base) {
        if (width == NR) {
            packBTransposedFull(g, p0, kc, j, bp, base);
            return;
        }
        float[] b = g.b();
        for (int col = 0; col < width; col++) {
            int src = g.bRow(j + col) + p0;
            for (int p = 0; p < kc; p++) {
                bp[base + p * NR + col] = b[src + p];
            }
        }
    }

    /** A full sliver of transposed B: each depth step gathers one element from each of the NR stored rows. */
    private static void packBTransposedFull(GemmArgs g, int p0, int kc, int j, float[] bp, int base) {
        float[] b = g.b();
        int[] starts = new int[NR];
        for (int col = 0; col < NR; col++) {
            starts[col] = g.bRow(j + col) + p0;
        }
        for (int p = 0; p < kc; p++) {
            int dst = base + p * NR;
            for (int v = 0; v < NR; v += LANES) {
                FloatVector.fromArray(SPECIES, b, p, starts, v).intoArray(bp, dst + v);
            }
        }
    }
}
