package dev.slim4j.kernels;

/**
 * Integer matrix product for quantized layers: {@code c[i*ldc + j] = sum_k a[aOff + i*lda + kk] * b[kk, j]} for
 * {@code i < m}, {@code j < b.n()}, with {@code a} unsigned 8-bit (activations), {@code b} signed 8-bit
 * (weights, prepared as {@link Int8Weights}) and exact int32 sums. Zero points and requantization belong to the
 * caller (see {@link Int8Weights#columnSums()}).
 */
public interface Int8Gemm {
    String name();

    void multiply(int m, byte[] a, int aOff, int lda, Int8Weights b, int[] c, int cOff, int ldc,
                  Parallelism parallelism);

    /** Throws when an array is too short. */
    static void check(int m, byte[] a, int aOff, int lda, Int8Weights b, int[] c, int cOff, int ldc) {
        if (m < 0 || lda < b.k() || ldc < b.n()) {
            throw new IllegalArgumentException("expected m >= 0, lda >= k and ldc >= n, found m " + m + ", lda "
                    + lda + " (k " + b.k() + "), ldc " + ldc + " (n " + b.n() + ")");
        }
        if (m == 0) return;
        long aEnd = aOff + (long) (m - 1) * lda + b.k();
        long cEnd = cOff + (long) (m - 1) * ldc + b.n();
        if (aOff < 0 || aEnd > a.length) {
            throw new IndexOutOfBoundsException("expected a to hold " + m + " rows of " + b.k() + " from " + aOff
                    + " (lda " + lda + "), found byte[" + a.length + "]");
        }
        if (cOff < 0 || cEnd > c.length) {
            throw new IndexOutOfBoundsException("expected c to hold " + m + " rows of " + b.n() + " from " + cOff
                    + " (ldc " + ldc + "), found int[" + c.length + "]");
        }
    }
}
