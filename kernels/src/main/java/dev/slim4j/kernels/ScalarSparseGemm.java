package dev.slim4j.kernels;

/** The executable specification of {@link SparseGemm}: one dot product per element of C, in non-zero order. */
public final class ScalarSparseGemm implements SparseGemm {
    @Override public String name() { return "scalar-csr"; }

    @Override
    public void multiply(CsrMatrix a, int n, boolean transB, float[] b, int bOff, int ldb,
                         boolean transC, float[] c, int cOff, int ldc, Epilogue epilogue, Parallelism parallelism) {
        SparseGemm.check(a, n, transB, b, bOff, ldb, transC, c, cOff, ldc, epilogue);
        int[] start = a.rowStart();
        int[] columns = a.columns();
        float[] values = a.values();
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < n; j++) {
                float sum = 0f;
                for (int t = start[i]; t < start[i + 1]; t++) {
                    int p = columns[t];
                    sum += values[t] * (transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j]);
                }
                c[transC ? cOff + j * ldc + i : cOff + i * ldc + j] = epilogue.apply(sum, i, j);
            }
        }
    }
}
