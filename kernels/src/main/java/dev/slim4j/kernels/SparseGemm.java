package dev.slim4j.kernels;

/**
 * A sparse weight times a dense activation: {@code C = epilogue(A * op(B))} with A an m x k {@link CsrMatrix}
 * ({@code m = a.rows()}, {@code k = a.cols()}) and op(B) a dense k x n matrix. Element (p, j) of op(B) is
 * {@code b[bOff + p*ldb + j]}, or {@code b[bOff + j*ldb + p]} when {@code transB}. C(i, j) is stored at
 * {@code c[cOff + i*ldc + j]}, or at {@code c[cOff + j*ldc + i]} when {@code transC} (C transposed, which is how
 * a fully connected layer {@code Y = X W^T} stores its [batch, out] result). The epilogue's (row, col) are C's
 * logical (i, j) in both cases. C is only written, never read; B and C must not overlap.
 */
public interface SparseGemm {

    /** A short name for logs and plans. */
    String name();

    void multiply(CsrMatrix a, int n, boolean transB, float[] b, int bOff, int ldb,
                  boolean transC, float[] c, int cOff, int ldc, Epilogue epilogue, Parallelism parallelism);

    /** Throws naming the argument when a size, leading dimension or array extent does not fit. */
    static void check(CsrMatrix a, int n, boolean transB, float[] b, int bOff, int ldb,
                      boolean transC, float[] c, int cOff, int ldc, Epilogue epilogue) {
        if (n < 0) throw new IllegalArgumentException("expected n >= 0, found " + n);
        if (epilogue == null) throw new NullPointerException("epilogue");
        int m = a.rows();
        int k = a.cols();
        fits("B", b, bOff, ldb, transB ? n : k, transB ? k : n);
        fits("C", c, cOff, ldc, transC ? n : m, transC ? m : n);
        epilogue.checkFits(m, n);
    }

    private static void fits(String name, float[] data, int off, int ld, int rows, int cols) {
        if (ld < Math.max(1, cols)) {
            throw new IllegalArgumentException("expected ld" + name.toLowerCase() + " >= " + Math.max(1, cols)
                    + " (stored row length), found " + ld);
        }
        if (rows == 0 || cols == 0) return;
        if (data == null) throw new NullPointerException(name + " array");
        long end = off + (long) (rows - 1) * ld + cols;
        if (off < 0 || end > data.length) {
            throw new IndexOutOfBoundsException("expected " + name + " (" + rows + " x " + cols + ", ld " + ld
                    + ", offset " + off + ") to fit in " + end + " floats, found float[" + data.length + "]");
        }
    }
}
