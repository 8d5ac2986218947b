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

    /**
     * The product requantized per column by {@code rq} and stored as bytes where {@code y} says. This definition
     * multiplies into int32 and requantizes each accumulator; an implementation may fuse the two.
     */
    default void multiplyRequantized(int m, byte[] a, int aOff, int lda, Int8Weights b, Requantization rq,
                                     RequantizedOutput y, Parallelism parallelism) {
        checkA(m, a, aOff, lda, b);
        checkRequantized(m, b, rq, y);
        int n = b.n();
        int[] acc = new int[m * n];
        multiply(m, a, aOff, lda, b, acc, 0, n, parallelism);
        byte[] out = y.data();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) out[y.index(i, j)] = rq.apply(acc[i * n + j], j);
        }
    }

    /**
     * The requantized product with the left side read from image patches in place ({@link Int8Patches}, rows
     * {@code 0 .. m-1}). This definition computes each dot product from {@link Int8Patches#at}; an implementation
     * may read the patches block by block without unfolding them.
     */
    default void multiplyPatchesRequantized(int m, Int8Patches a, Int8Weights b, Requantization rq,
                                            RequantizedOutput y, Parallelism parallelism) {
        a.check(m, b);
        checkRequantized(m, b, rq, y);
        byte[] w = b.rowMajor();
        int n = b.n();
        byte[] out = y.data();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int sum = 0;
                for (int kk = 0; kk < b.k(); kk++) sum += a.at(i, kk) * w[kk * n + j];
                out[y.index(i, j)] = rq.apply(sum, j);
            }
        }
    }

    /**
     * True when weights within [-64, 64] (7-bit quantization) run markedly faster than 8-bit ones (the AVX2 kernel:
     * 8-bit products must be widened to 16 bits there to stay exact). Results are exact either way.
     */
    default boolean fasterWithSevenBitWeights() {
        return false;
    }

    /**
     * True when {@link #multiplyPatchesRequantized} reads the patches in place at GEMM speed; false when it is
     * the definition above, and a convolution should unfold its patches for {@link #multiplyRequantized} instead.
     */
    default boolean readsPatchesInPlace() {
        return false;
    }

    /** Throws when {@code rq} does not have one column per output column or {@code y} is too short. */
    static void checkRequantized(int m, Int8Weights b, Requantization rq, RequantizedOutput y) {
        if (rq.columns() != b.n()) {
            throw new IllegalArgumentException("expected a requantization of " + b.n() + " columns, found "
                    + rq.columns());
        }
        y.check(m, b.n());
    }

    /** Throws when an array is too short. */
    static void check(int m, byte[] a, int aOff, int lda, Int8Weights b, int[] c, int cOff, int ldc) {
        if (ldc < b.n()) {
            throw new IllegalArgumentException("expected ldc >= n, found ldc " + ldc + " (n " + b.n() + ")");
        }
        checkA(m, a, aOff, lda, b);
        if (m == 0) return;
        long cEnd = cOff + (long) (m - 1) * ldc + b.n();
        if (cOff < 0 || cEnd > c.length) {
            throw new IndexOutOfBoundsException("expected c to hold " + m + " rows of " + b.n() + " from " + cOff
                    + " (ldc " + ldc + "), found int[" + c.length + "]");
        }
    }

    /** Throws when {@code a} does not hold {@code m} rows of {@code k} bytes. */
    static void checkA(int m, byte[] a, int aOff, int lda, Int8Weights b) {
        if (m < 0 || lda < b.k()) {
            throw new IllegalArgumentException("expected m >= 0 and lda >= k, found m " + m + ", lda " + lda
                    + " (k " + b.k() + ")");
        }
        if (m == 0) return;
        long aEnd = aOff + (long) (m - 1) * lda + b.k();
        if (aOff < 0 || aEnd > a.length) {
            throw new IndexOutOfBoundsException("expected a to hold " + m + " rows of " + b.k() + " from " + aOff
                    + " (lda " + lda + "), found byte[" + a.length + "]");
        }
    }
}
