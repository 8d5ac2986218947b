package dev.slim4j.kernels;

import java.util.Arrays;

/**
 * The arguments of one {@link Gemm} call, checked, with views on row or column ranges for splitting work. Stored
 * row r of B starts at {@code b[bOff + r*ldb]}, or at {@code b[bOff + bRows[r]]} when the row table is given.
 */
record GemmArgs(boolean transA, boolean transB, int m, int n, int k, float alpha,
                float[] a, int aOff, int lda, float[] b, int bOff, int ldb, int[] bRows,
                float beta, float[] c, int cOff, int ldc, Epilogue epilogue) {

    GemmArgs(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
             float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc, Epilogue epilogue) {
        this(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, null, beta, c, cOff, ldc, epilogue);
    }

    /** Index in b of stored row r of B (a row of op(B), or a column when transB). */
    int bRow(int r) {
        return bRows == null ? bOff + r * ldb : bOff + bRows[r];
    }

    /** Element (i, p) of op(A). */
    float a(int i, int p) {
        return transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
    }

    /** Element (p, j) of op(B). */
    float b(int p, int j) {
        return transB ? b[bRow(j) + p] : b[bRow(p) + j];
    }

    /** Throws with a message naming the argument when a size, leading dimension or array extent does not fit. */
    GemmArgs check() {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("expected m, n, k >= 0, found " + m + ", " + n + ", " + k);
        }
        if (epilogue == null) {
            throw new NullPointerException("epilogue");
        }
        checkMatrix("A", a, aOff, lda, transA ? k : m, transA ? m : k);
        if (bRows == null) {
            checkMatrix("B", b, bOff, ldb, transB ? n : k, transB ? k : n);
        } else {
            checkRows(transB ? n : k, transB ? k : n);
        }
        checkMatrix("C", c, cOff, ldc, m, n);
        epilogue.checkFits(m, n);
        return this;
    }

    private static void checkMatrix(String name, float[] data, int off, int ld, int rows, int cols) {
        if (ld < Math.max(1, cols)) {
            throw new IllegalArgumentException("expected ld" + name.toLowerCase() + " >= " + Math.max(1, cols)
                    + " (stored row length), found " + ld);
        }
        if (rows == 0 || cols == 0) {
            return;
        }
        if (data == null) {
            throw new NullPointerException(name + " array");
        }
        long end = off + (long) (rows - 1) * ld + cols;
        if (off < 0 || end > data.length) {
            throw new IndexOutOfBoundsException("expected " + name + " (" + rows + " x " + cols + ", ld " + ld
                    + ", offset " + off + ") to fit in " + end + " floats, found float[" + data.length + "]");
        }
    }

    private void checkRows(int rows, int cols) {
        if (bRows.length < rows) {
            throw new IllegalArgumentException("expected a B row table of " + rows + " rows, found " + bRows.length);
        }
        if (cols == 0) {
            return;
        }
        for (int r = 0; r < rows; r++) {
            long start = (long) bOff + bRows[r];
            if (start < 0 || start + cols > b.length) {
                throw new IndexOutOfBoundsException("expected B row " + r + " (" + cols + " floats at " + start
                        + ") to fit in float[" + b.length + "]");
            }
        }
    }

    /** The sub-problem computing rows {@code [i0, i0+rows)} of C. */
    GemmArgs rows(int i0, int rows) {
        int aShift = transA ? i0 : i0 * lda;
        return new GemmArgs(transA, transB, rows, n, k, alpha, a, aOff + aShift, lda, b, bOff, ldb, bRows,
                beta, c, cOff + i0 * ldc, ldc, epilogue.shift(i0, 0));
    }

    /** The sub-problem computing columns {@code [j0, j0+cols)} of C. */
    GemmArgs columns(int j0, int cols) {
        if (transB && bRows != null) {
            return new GemmArgs(transA, true, m, cols, k, alpha, a, aOff, lda, b, bOff, ldb,
                    Arrays.copyOfRange(bRows, j0, j0 + cols), beta, c, cOff + j0, ldc, epilogue.shift(0, j0));
        }
        int bShift = transB ? j0 * ldb : j0;
        return new GemmArgs(transA, transB, m, cols, k, alpha, a, aOff, lda, b, bOff + bShift, ldb, bRows,
                beta, c, cOff + j0, ldc, epilogue.shift(0, j0));
    }
}
