package dev.slim4j.runtime.plan;

import dev.slim4j.kernels.CsrMatrix;
import dev.slim4j.kernels.Epilogue;
import dev.slim4j.kernels.SparseGemm;

/**
 * A 1x1, stride-1, unpadded, single-group convolution with a constant sparse weight: per image
 * {@code Y[M, HW] = epilogue(W[M, C] X[C, HW])} on the CSR kernel (row bias and activation in the epilogue).
 */
final class SparsePointwiseStep implements Step {
    private final SparseGemm kernel;
    private final CsrMatrix weight;
    private final int batch;
    private final int pixels;
    private final Operand x;
    private final Operand y;
    private final Epilogue epilogue;
    private final Workers workers;

    SparsePointwiseStep(SparseGemm kernel, CsrMatrix weight, int batch, int pixels, Operand x, Operand y,
                        Epilogue epilogue, Workers workers) {
        this.kernel = kernel;
        this.weight = weight;
        this.batch = batch;
        this.pixels = pixels;
        this.x = x;
        this.y = y;
        this.epilogue = epilogue;
        this.workers = workers;
    }

    @Override public void run(Frame f) {
        float[] xa = x.array(f);
        float[] ya = y.array(f);
        int xo = x.offset(f);
        int yo = y.offset(f);
        for (int b = 0; b < batch; b++) {
            kernel.multiply(weight, pixels, false, xa, xo + b * weight.cols() * pixels, pixels, false, ya,
                    yo + b * weight.rows() * pixels, pixels, epilogue, workers.parallelism());
        }
    }
}
