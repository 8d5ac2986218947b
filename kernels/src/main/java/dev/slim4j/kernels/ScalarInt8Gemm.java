package dev.slim4j.kernels;

/** The executable specification of {@link Int8Gemm}: three plain loops over the row-major weights. */
public final class ScalarInt8Gemm implements Int8Gemm {
    @Override
    public String name() {
        return "scalar-int8";
    }

    @Override
    public void multiply(int m, byte[] a, int aOff, int lda, Int8Weights b, int[] c, int cOff, int ldc,
                         Parallelism parallelism) {
        Int8Gemm.check(m, a, aOff, lda, b, c, cOff, ldc);
        byte[] w = b.rowMajor();
        int n = b.n();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int sum = 0;
                for (int kk = 0; kk < b.k(); kk++) {
                    sum += (a[aOff + i * lda + kk] & 0xFF) * w[kk * n + j];
                }
                c[cOff + i * ldc + j] = sum;
            }
        }
    }
}
