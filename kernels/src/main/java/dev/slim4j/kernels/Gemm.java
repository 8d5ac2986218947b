package dev.slim4j.kernels;

/**
 * Single-precision matrix multiply over row-major float arrays, BLAS style:
 * {@code C = epilogue(alpha * op(A) * op(B) + beta * C)} where {@code op(A)} is m x k, {@code op(B)} is k x n and
 * C is m x n. Element (i, p) of A is {@code a[aOff + i*lda + p]}, or {@code a[aOff + p*lda + i]} when
 * {@code transA}; likewise for B. When {@code beta == 0}, C is not read (NaN in C does not propagate).
 */
public interface Gemm {

    /** A short name for logs and benchmarks. */
    String name();

    void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
               float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
               float beta, float[] c, int cOff, int ldc, Epilogue epilogue, Parallelism parallelism);

    /**
     * {@code alpha * op(A)} prepared for repeated use as the left operand ({@link #sgemm(PreparedLeft, boolean,
     * int, float[], int, int, float, float[], int, int, Epilogue, Parallelism)}): an implementation may pack it
     * once here instead of in every call. This definition keeps the arguments only.
     */
    default PreparedLeft prepareLeft(boolean transA, int m, int k, float alpha, float[] a, int aOff, int lda) {
        new GemmArgs(transA, false, m, 1, k, alpha, a, aOff, lda, new float[Math.max(1, k)], 0, 1, 0f,
                new float[Math.max(1, m)], 0, 1, Epilogue.none()).check();
        return new PreparedLeft(transA, m, k, alpha, a, aOff, lda, null);
    }

    /** {@code C = epilogue(a * op(B) + beta * C)}, the same result as the plain call with a's arguments. */
    default void sgemm(PreparedLeft a, boolean transB, int n, float[] b, int bOff, int ldb, float beta, float[] c,
                       int cOff, int ldc, Epilogue epilogue, Parallelism parallelism) {
        sgemm(a.transA(), transB, a.m(), n, a.k(), a.alpha(), a.a(), a.aOff(), a.lda(), b, bOff, ldb, beta, c, cOff,
                ldc, epilogue, parallelism);
    }

    /**
     * {@code sgemm} with the stored rows of B found through a table instead of a leading dimension: stored row r
     * of B (row r of op(B), or column r when {@code transB}) starts at {@code b[bRows[r]]}. A stride-1 convolution
     * multiplies its receptive fields in place this way, each im2col row being a shifted window of the padded image.
     */
    void sgemmRows(boolean transA, boolean transB, int m, int n, int k, float alpha,
                   float[] a, int aOff, int lda, float[] b, int[] bRows,
                   float beta, float[] c, int cOff, int ldc, Epilogue epilogue, Parallelism parallelism);

    /** {@link #sgemm(boolean, boolean, int, int, int, float, float[], int, int, float[], int, int, float, float[], int, int, Epilogue, Parallelism)} on the calling thread, without epilogue. */
    default void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                       float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                       float beta, float[] c, int cOff, int ldc) {
        sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc,
                Epilogue.none(), Parallelism.serial());
    }
}
