package dev.slim4j.kernels;

import java.util.Objects;

/**
 * The int8 right-hand side of an {@link Int8Gemm}, {@code k x n}, prepared once (weights are constant): the
 * row-major values, their column sums (for zero-point corrections) and the VNNI layout: panels of
 * {@link #PANEL} columns, within a panel for each group of 4 consecutive k the panel's columns with their 4 bytes
 * adjacent; k and n zero-padded.
 */
public record Int8Weights(int k, int n, byte[] rowMajor, int[] columnSums, byte[] packed) {
    public static final int PANEL = 64;

    public Int8Weights {
        Objects.requireNonNull(rowMajor, "rowMajor");
        if (k < 0 || n < 0 || rowMajor.length != (long) k * n) {
            throw new IllegalArgumentException("expected " + k + " x " + n + " int8 values, found " + rowMajor.length);
        }
    }

    /** Prepares {@code b[bOff ..]}, {@code k x n} row-major int8. */
    public static Int8Weights of(byte[] b, int bOff, int k, int n) {
        if (bOff < 0 || bOff + (long) k * n > b.length) {
            throw new IndexOutOfBoundsException("expected b to hold " + k + " x " + n + " bytes from " + bOff
                    + ", found byte[" + b.length + "]");
        }
        byte[] rows = new byte[k * n];
        System.arraycopy(b, bOff, rows, 0, rows.length);
        int[] sums = new int[n];
        for (int kk = 0; kk < k; kk++) {
            for (int j = 0; j < n; j++) sums[j] += rows[kk * n + j];
        }
        return new Int8Weights(k, n, rows, sums, pack(rows, k, n));
    }

    /** Number of 4-deep groups of k. */
    public int quads() {
        return Math.ceilDiv(k, 4);
    }

    private static byte[] pack(byte[] rows, int k, int n) {
        int quads = Math.ceilDiv(k, 4);
        int panels = Math.ceilDiv(n, PANEL);
        byte[] p = new byte[panels * quads * PANEL * 4];
        for (int kk = 0; kk < k; kk++) {
            int q = kk / 4;
            int t = kk % 4;
            for (int j = 0; j < n; j++) {
                int panel = j / PANEL;
                p[((panel * quads + q) * PANEL + j % PANEL) * 4 + t] = rows[kk * n + j];
            }
        }
        return p;
    }
}
