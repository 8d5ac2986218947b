package dev.slim4j.kernels;

/**
 * The executable specification of {@link Gemm}: a plain triple loop accumulating in float in k order.
 * Runs on the calling thread whatever the {@link Parallelism}.
 */
public final class ScalarGemm implements Gemm {

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                      float beta, float[] c, int cOff, int ldc, Epilogue epilogue, Parallelism parallelism) {
        multiply(new GemmArgs(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb,
                beta, c, cOff, ldc, epilogue).check());
    }

    @Override
    public void sgemmRows(boolean transA, boolean transB, int m, int n, int k, float alpha,
                          float[] a, int aOff, int lda, float[] b, int[] bRows,
                          float beta, float[] c, int cOff, int ldc, Epilogue epilogue, Parallelism parallelism) {
        multiply(new GemmArgs(transA, transB, m, n, k, alpha, a, aOff, lda, b, 0, 1, bRows,
                beta, c, cOff, ldc, epilogue).check());
    }

    private static void multiply(GemmArgs args) {
        int m = args.m();
        int n = args.n();
        int k = args.k();
        float[] c = args.c();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = 0f;
                for (int p = 0; p < k; p++) {
                    sum += args.a(i, p) * args.b(p, j);
                }
                int at = args.cOff() + i * args.ldc() + j;
                float value = args.beta() == 0f ? args.alpha() * sum : args.alpha() * sum + args.beta() * c[at];
                c[at] = args.epilogue().apply(value, i, j);
            }
        }
    }
}
