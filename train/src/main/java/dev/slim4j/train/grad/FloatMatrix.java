package dev.slim4j.train.grad;

import dev.slim4j.ir.op.Gemm;
import dev.slim4j.kernels.Epilogue;
import dev.slim4j.kernels.Kernels;
import dev.slim4j.kernels.Parallelism;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.Optional;

/** Gemm forward and both operand gradients on float arrays with the kernels GEMM (transposes, no copies). */
final class FloatMatrix {
    static final Gemm PLAIN = new Gemm(1f, 1f, 0, 0, Optional.empty());

    private FloatMatrix() {}

    /** Y = alpha op(A) op(B) + beta C, C broadcast to [m, n] (C may be null). */
    static Tensor gemm(Gemm op, Tensor a, Tensor b, Tensor c, Parallelism par) {
        boolean ta = op.transA() != 0;
        boolean tb = op.transB() != 0;
        int m = a.shape().dim(ta ? 1 : 0);
        int k = a.shape().dim(ta ? 0 : 1);
        int n = b.shape().dim(tb ? 0 : 1);
        int kb = b.shape().dim(tb ? 1 : 0);
        if (k != kb) {
            throw new IllegalArgumentException("Gemm: expected op(A) [" + m + ", " + k + "] and op(B) with " + k
                    + " rows, found " + a.shape() + " and " + b.shape());
        }
        float[] y = new float[m * n];
        float beta = 0f;
        if (c != null && op.beta() != 0) {
            float[] cv = c.floats();
            int[] map = Dense.broadcastIndex(c.shape(), Shape.of(m, n));
            for (int i = 0; i < y.length; i++) y[i] = cv[map[i]];
            beta = op.beta();
        }
        Kernels.gemm().sgemm(ta, tb, m, n, k, op.alpha(), a.floats(), 0, a.shape().dim(1), b.floats(), 0,
                b.shape().dim(1), beta, y, 0, n, Epilogue.none(), par);
        return Tensor.ofFloats(Shape.of(m, n), y);
    }

    /** {dA, dB, dC} (dC null without C) for Y = alpha op(A) op(B) + beta C. */
    static double[][] gradients(Gemm op, Tensor a, Tensor b, Tensor c, double[] dyd, Parallelism par) {
        boolean ta = op.transA() != 0;
        boolean tb = op.transB() != 0;
        int aCols = a.shape().dim(1);
        int bCols = b.shape().dim(1);
        int m = a.shape().dim(ta ? 1 : 0);
        int k = a.shape().dim(ta ? 0 : 1);
        int n = b.shape().dim(tb ? 0 : 1);
        float[] dy = toFloats(dyd);
        float[] av = a.floats();
        float[] bv = b.floats();
        float[] da = new float[av.length];
        float[] db = new float[bv.length];
        var g = Kernels.gemm();
        if (!ta) g.sgemm(false, !tb, m, k, n, op.alpha(), dy, 0, n, bv, 0, bCols, 0f, da, 0, k, Epilogue.none(), par);
        else g.sgemm(tb, true, k, m, n, op.alpha(), bv, 0, bCols, dy, 0, n, 0f, da, 0, m, Epilogue.none(), par);
        if (!tb) g.sgemm(!ta, false, k, n, m, op.alpha(), av, 0, aCols, dy, 0, n, 0f, db, 0, n, Epilogue.none(), par);
        else g.sgemm(true, ta, n, k, m, op.alpha(), dy, 0, n, av, 0, aCols, 0f, db, 0, k, Epilogue.none(), par);
        double[] dc = c == null ? null : Dense.sumTo(Dense.scaled(dyd, op.beta()), Shape.of(m, n), c.shape());
        return new double[][] {toDoubles(da), toDoubles(db), dc};
    }

    static float[] toFloats(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (float) v[i];
        return out;
    }

    static double[] toDoubles(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i];
        return out;
    }
}
