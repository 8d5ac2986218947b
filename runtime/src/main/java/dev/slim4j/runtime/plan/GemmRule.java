package dev.slim4j.runtime.plan;

import dev.slim4j.ir.op.Gemm;
import dev.slim4j.kernels.Activation;
import dev.slim4j.kernels.Epilogue;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;

/**
 * Selection for Gemm / FusedGemm and MatMul on float32 with static shapes. Gemm's C goes into the epilogue: a
 * constant C of shape [N] / [1, N] / scalar as a column bias, [M, 1] as a row bias (both scaled by beta at compile
 * time), a C of Y's shape as a residual when beta is 1. MatMul: A [..., M, K] times a 2-D B is one GEMM over all
 * rows of A; A and B of equal rank with equal batch dims are batched GEMMs. A constant, mostly zero weight B of a
 * 2-D product runs on the CSR kernel where {@link SparseRule} selects it.
 */
final class GemmRule {
    private GemmRule() {}

    static Choice gemm(NodeView v, Gemm op, Activation activation) {
        if (!v.staticFloat(0, 1, 2)) return Choice.reference("not float32 with static shapes");
        Shape a = v.in(0);
        Shape b = v.in(1);
        if (a.rank() != 2 || b.rank() != 2) return Choice.reference("expected 2-D A and B");
        boolean ta = op.transA() != 0;
        boolean tb = op.transB() != 0;
        int m = (int) (ta ? a.dim(1) : a.dim(0));
        int k = (int) (ta ? a.dim(0) : a.dim(1));
        int n = (int) (tb ? b.dim(0) : b.dim(1));
        if (m == 0 || n == 0 || k == 0) return Choice.reference("empty matrix");
        Epilogue e = Epilogue.none();
        boolean residual = false;
        if (v.has(2) && op.beta() != 0f) {
            Shape c = v.in(2);
            Tensor constant = v.constant(2);
            if (c.equals(Shape.of(m, n)) && op.beta() == 1f && (m != 1 || constant == null)) {
                residual = true;
            } else if (constant != null && columnVector(c, n)) {
                e = Epilogue.columnBias(scaled(constant, n, op.beta()), 0);
            } else if (constant != null && c.rank() == 2 && c.dim(0) == m && c.dim(1) == 1) {
                e = Epilogue.rowBias(scaled(constant, m, op.beta()), 0);
            } else {
                return Choice.reference("C of shape " + c + " with beta " + op.beta() + " is not planned");
            }
        }
        Epilogue epilogue = e.withActivation(activation);
        boolean withResidual = residual;
        Tensor w = v.constant(1);
        double density = w == null ? 1 : SparseRule.density(w);
        String what = "Gemm " + m + "x" + n + "x" + k;
        if (w != null && SparseRule.selects(v, density, m, residual)) {
            return SparseRule.choice(v, w, tb, ta, m, n, k, op.alpha(), epilogue, density, what);
        }
        return Choice.fast(v.kernels().gemm().name(), what + SparseRule.note(v, density, m, residual), p -> new GemmStep(
                v.kernels().gemm(), ta, tb, m, n, k, op.alpha(), 1, 0, 0, v.read(0), v.read(1), v.write(0),
                withResidual ? v.read(2) : null, epilogue, v.workers()));
    }

    static Choice matMul(NodeView v) {
        if (!v.staticFloat(0, 1)) return Choice.reference("not float32 with static shapes");
        Shape a = v.in(0);
        Shape b = v.in(1);
        if (a.rank() < 2 || b.rank() < 2) return Choice.reference("1-D operands are not planned");
        int k = (int) a.dim(a.rank() - 1);
        int n = (int) b.dim(b.rank() - 1);
        if (b.dim(b.rank() - 2) != k) return Choice.reference("inner dimensions differ");
        if (v.out(0).size() == 0 || k == 0) return Choice.reference("empty matrix");
        if (b.rank() == 2) {
            int m = (int) (a.size() / k);
            Tensor w = v.constant(1);
            double density = w == null ? 1 : SparseRule.density(w);
            String what = "MatMul as one " + m + "x" + n + "x" + k + " GEMM";
            if (w != null && SparseRule.selects(v, density, m, false)) {
                return SparseRule.choice(v, w, false, false, m, n, k, 1f, Epilogue.none(), density, what);
            }
            return Choice.fast(v.kernels().gemm().name(), what + SparseRule.note(v, density, m, false),
                    p -> new GemmStep(v.kernels().gemm(), false, false, m, n, k, 1f, 1, 0, 0, v.read(0), v.read(1),
                            v.write(0), null, Epilogue.none(), v.workers()));
        }
        if (a.rank() != b.rank()) return Choice.reference("batch ranks differ (broadcast batches are not planned)");
        for (int i = 0; i < a.rank() - 2; i++) {
            if (a.dim(i) != b.dim(i)) return Choice.reference("batch dims differ (broadcast batches are not planned)");
        }
        int m = (int) a.dim(a.rank() - 2);
        int batches = (int) (a.size() / ((long) m * k));
        return Choice.fast(v.kernels().gemm().name(), batches + " batched " + m + "x" + n + "x" + k + " GEMMs",
                p -> new GemmStep(v.kernels().gemm(), false, false, m, n, k, 1f, batches, m * k, k * n, v.read(0),
                        v.read(1), v.write(0), null, Epilogue.none(), v.workers()));
    }

    private static boolean columnVector(Shape c, int n) {
        if (c.size() == 1) return true;
        return (c.rank() == 1 && c.dim(0) == n) || (c.rank() == 2 && c.dim(0) == 1 && c.dim(1) == n);
    }

    /** beta * C broadcast to {@code length} floats. */
    private static float[] scaled(Tensor c, int length, float beta) {
        float[] src = c.floats();
        float[] out = new float[length];
        for (int i = 0; i < length; i++) out[i] = beta * src[src.length == 1 ? 0 : i];
        return out;
    }
}
