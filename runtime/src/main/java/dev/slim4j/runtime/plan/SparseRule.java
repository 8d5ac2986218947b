package dev.slim4j.runtime.plan;

import dev.slim4j.kernels.Activation;
import dev.slim4j.kernels.CsrMatrix;
import dev.slim4j.kernels.Epilogue;
import dev.slim4j.tensor.Tensor;
import java.util.Locale;

/**
 * Selection of the CSR kernel for a fully connected product {@code Y[m, n] = alpha * op(X)[m, k] * op(W)[k, n]}
 * whose weight W is a constant: taken when W's density is within the session's {@link SparseLimits} for a batch
 * of m rows, with Y's epilogue carried over (a residual keeps the dense GEMM). The weight is converted to CSR once,
 * at compile time, with alpha folded in.
 */
final class SparseRule {
    private SparseRule() {}

    /** Non-zeros over elements of a float tensor. */
    static double density(Tensor w) {
        float[] values = w.floats();
        if (values.length == 0) return 1;
        long nonZeros = 0;
        for (float f : values) if (f != 0f) nonZeros++;
        return (double) nonZeros / values.length;
    }

    /** Whether the sparse kernel should run this product. */
    static boolean selects(NodeView v, double density, int m, boolean residual) {
        return !residual && v.kernels().sparse().selects(density, m);
    }

    /** What a dense choice says about the weight's density, when the weight is a constant with zeros. */
    static String note(NodeView v, double density, int m, boolean residual) {
        if (density >= 1) return "";
        String d = format(density);
        if (residual) return "; weight density " + d + ", but a residual epilogue keeps the dense GEMM";
        return "; weight density " + d + " above the sparse limit " + format(v.kernels().sparse().limit(m))
                + " at batch " + (m == 1 ? "1" : m + " (batched)");
    }

    /**
     * The CSR step: {@code wTransposed} when W is stored [n, k] (Gemm's transB), {@code xTransposed} when X is
     * stored [k, m] (Gemm's transA); {@code yEpilogue} is in Y's coordinates (row = batch row).
     */
    static Choice choice(NodeView v, Tensor w, boolean wTransposed, boolean xTransposed, int m, int n, int k,
                         float alpha, Epilogue yEpilogue, double density, String what) {
        float[] values = w.floats();
        if (alpha != 1f) {
            values = values.clone();
            for (int i = 0; i < values.length; i++) values[i] *= alpha;
        }
        CsrMatrix csr = wTransposed ? CsrMatrix.fromDense(values, 0, n, k, k)
                : CsrMatrix.fromDenseTransposed(values, 0, n, k, n);
        Epilogue e = transposed(yEpilogue);
        String reason = what + ", weight density " + format(density) + " <= sparse limit "
                + format(v.kernels().sparse().limit(m)) + " at batch " + m + " (CSR " + csr.nonZeros() + " non-zeros, "
                + csr.bytes() + " bytes)";
        return Choice.fast(v.kernels().sparseGemm().name(), reason, p -> new SparseGemmStep(v.kernels().sparseGemm(),
                csr, m, xTransposed, v.read(0), v.write(0), e, v.workers()));
    }

    /** Whether a pointwise convolution (no residual) with a weight of {@code density} runs on the CSR kernel. */
    static boolean selectsPointwise(NodeView v, double density, boolean residual) {
        return !residual && density <= v.kernels().sparse().maxDensityPointwise();
    }

    /** What a dense pointwise choice says about its weight's density. */
    static String pointwiseNote(NodeView v, double density, boolean residual) {
        if (density >= 1) return "";
        String d = format(density);
        if (residual) return "; weight density " + d + ", but a residual keeps the dense GEMM";
        return "; weight density " + d + " above the sparse limit " + format(v.kernels().sparse().maxDensityPointwise());
    }

    /** The CSR step of a pointwise convolution: W [M, C, 1, 1] as an M x C matrix, bias per row. */
    static Choice pointwise(NodeView v, int batch, int pixels, Tensor w, float[] bias, Activation activation,
                            double density) {
        int m = w.shape().dim(0);
        int c = (int) (w.shape().size() / m);
        CsrMatrix csr = CsrMatrix.fromDense(w.floats(), 0, m, c, c);
        Epilogue e = (bias == null ? Epilogue.none() : Epilogue.rowBias(bias, 0)).withActivation(activation);
        String reason = "pointwise, weight density " + format(density) + " <= sparse limit "
                + format(v.kernels().sparse().maxDensityPointwise()) + " (CSR " + csr.nonZeros() + " non-zeros, "
                + csr.bytes() + " bytes)";
        return Choice.fast(v.kernels().sparseGemm().name(), reason, p -> new SparsePointwiseStep(
                v.kernels().sparseGemm(), csr, batch, pixels, v.read(0), v.write(0), e, v.workers()));
    }

    /** The epilogue of Y in the coordinates of Y^T (the kernel's C): a column bias becomes a row bias. */
    private static Epilogue transposed(Epilogue y) {
        Epilogue base = switch (y.biasAxis()) {
            case NONE -> Epilogue.none();
            case ROW -> Epilogue.columnBias(y.bias(), y.biasOffset());
            case COLUMN -> Epilogue.rowBias(y.bias(), y.biasOffset());
        };
        return base.withActivation(y.activation());
    }

    private static String format(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }
}
