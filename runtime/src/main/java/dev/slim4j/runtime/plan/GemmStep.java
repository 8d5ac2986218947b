package dev.slim4j.runtime.plan;

import dev.slim4j.kernels.Epilogue;
import dev.slim4j.kernels.Gemm;

/**
 * {@code batches} matrix products {@code C[i] = epilogue(alpha * op(A[i]) * op(B[i]))}, A[i] at
 * {@code i * aStride}, B[i] at {@code i * bStride} (0 when B is shared), C[i] at {@code i * m * n}. The epilogue
 * (column bias and activation) is fixed at compile time; an optional residual operand of C's shape is added.
 */
final class GemmStep implements Step {
    private final Gemm gemm;
    private final boolean transA;
    private final boolean transB;
    private final int m;
    private final int n;
    private final int k;
    private final float alpha;
    private final int batches;
    private final int aStride;
    private final int bStride;
    private final Operand a;
    private final Operand b;
    private final Operand c;
    private final Operand residual;
    private final Epilogue epilogue;
    private final Workers workers;

    GemmStep(Gemm gemm, boolean transA, boolean transB, int m, int n, int k, float alpha, int batches,
             int aStride, int bStride, Operand a, Operand b, Operand c, Operand residual, Epilogue epilogue,
             Workers workers) {
        this.gemm = gemm;
        this.transA = transA;
        this.transB = transB;
        this.m = m;
        this.n = n;
        this.k = k;
        this.alpha = alpha;
        this.batches = batches;
        this.aStride = aStride;
        this.bStride = bStride;
        this.a = a;
        this.b = b;
        this.c = c;
        this.residual = residual;
        this.epilogue = epilogue;
        this.workers = workers;
    }

    @Override public void run(Frame f) {
        float[] aa = a.array(f);
        int ao = a.offset(f);
        float[] ba = b.array(f);
        int bo = b.offset(f);
        float[] ca = c.array(f);
        int co = c.offset(f);
        int lda = transA ? m : k;
        int ldb = transB ? k : n;
        for (int i = 0; i < batches; i++) {
            Epilogue e = epilogue;
            if (residual != null) e = e.withResidual(residual.array(f), residual.offset(f) + i * m * n, n);
            gemm.sgemm(transA, transB, m, n, k, alpha, aa, ao + i * aStride, lda, ba, bo + i * bStride, ldb,
                    0f, ca, co + i * m * n, n, e, workers.parallelism());
        }
    }
}
