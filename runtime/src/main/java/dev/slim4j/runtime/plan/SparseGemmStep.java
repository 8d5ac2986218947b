package dev.slim4j.runtime.plan;

import dev.slim4j.kernels.CsrMatrix;
import dev.slim4j.kernels.Epilogue;
import dev.slim4j.kernels.SparseGemm;

/**
 * A fully connected layer with a constant sparse weight: {@code Y = epilogue(op(X) W^T)} computed as
 * {@code Y^T = W op(X)^T} on the CSR kernel, W (out x in, alpha folded in) in CSR form, X the activation. The
 * epilogue is in the kernel's coordinates: row = output feature, column = batch row.
 */
final class SparseGemmStep implements Step {
    private final SparseGemm kernel;
    private final CsrMatrix weight;
    private final int batch;
    private final boolean xTransposed;
    private final Operand x;
    private final Operand y;
    private final Epilogue epilogue;
    private final Workers workers;

    /** {@code xTransposed}: X is stored [in, batch] (Gemm with transA); else [batch, in]. */
    SparseGemmStep(SparseGemm kernel, CsrMatrix weight, int batch, boolean xTransposed, Operand x, Operand y,
                   Epilogue epilogue, Workers workers) {
        this.kernel = kernel;
        this.weight = weight;
        this.batch = batch;
        this.xTransposed = xTransposed;
        this.x = x;
        this.y = y;
        this.epilogue = epilogue;
        this.workers = workers;
    }

    @Override public void run(Frame f) {
        int ldx = xTransposed ? batch : weight.cols();
        kernel.multiply(weight, batch, !xTransposed, x.array(f), x.offset(f), ldx, true, y.array(f), y.offset(f),
                weight.rows(), epilogue, workers.parallelism());
    }
}
