package dev.slim4j.train.grad;

import dev.slim4j.ir.op.Broadcast;
import dev.slim4j.ir.op.Gemm;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.Arrays;

/** Gradients of Gemm (alpha, beta, both trans flags, broadcast C) and MatMul (1-D operands, broadcast batches). */
final class MatrixGradient {
    private MatrixGradient() {}

    /**
     * Y = alpha * op(A) op(B) + beta * C: d op(A) = alpha * dY op(B)^T, d op(B) = alpha * op(A)^T dY,
     * each stored back through its transpose flag; dC = beta * dY summed onto C's shape.
     */
    static double[][] gemm(Gemm op, Tensor a, Tensor b, Tensor c, double[] dy) {
        boolean ta = op.transA() != 0;
        boolean tb = op.transB() != 0;
        int aCols = a.shape().dim(1);
        int bCols = b.shape().dim(1);
        int m = a.shape().dim(ta ? 1 : 0);
        int k = a.shape().dim(ta ? 0 : 1);
        int n = b.shape().dim(tb ? 0 : 1);
        double[] av = a.doubles();
        double[] bv = b.doubles();
        double[] da = new double[av.length];
        double[] db = new double[bv.length];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                int ai = ta ? p * aCols + i : i * aCols + p;
                for (int j = 0; j < n; j++) {
                    int bi = tb ? j * bCols + p : p * bCols + j;
                    double g = op.alpha() * dy[i * n + j];
                    da[ai] += g * bv[bi];
                    db[bi] += g * av[ai];
                }
            }
        }
        double[] dc = c == null ? null : Dense.sumTo(Dense.scaled(dy, op.beta()), Shape.of(m, n), c.shape());
        return new double[][] {da, db, dc};
    }

    /**
     * NumPy matmul with a 1-D A read as [1, K] and a 1-D B as [K, 1]: per batch element dA += dY B^T and
     * dB += A^T dY, accumulated at the operand's own (broadcast) batch element, which sums over broadcast dims.
     */
    static double[][] matMul(Tensor a, Tensor b, double[] dy) {
        Shape as = a.rank() == 1 ? Shape.of(1, a.shape().dim(0)) : a.shape();
        Shape bs = b.rank() == 1 ? Shape.of(b.shape().dim(0), 1) : b.shape();
        int m = as.dim(as.rank() - 2);
        int k = as.dim(as.rank() - 1);
        int n = bs.dim(bs.rank() - 1);
        Shape aBatch = batchOf(as);
        Shape bBatch = batchOf(bs);
        Shape batch = Broadcast.shape(aBatch, bBatch);
        int[] aIndex = Dense.broadcastIndex(aBatch, batch);
        int[] bIndex = Dense.broadcastIndex(bBatch, batch);
        double[] av = a.doubles();
        double[] bv = b.doubles();
        double[] da = new double[av.length];
        double[] db = new double[bv.length];
        for (int e = 0; e < batch.intSize(); e++) {
            int aOff = aIndex[e] * m * k;
            int bOff = bIndex[e] * k * n;
            int yOff = e * m * n;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double g = dy[yOff + i * n + j];
                    for (int p = 0; p < k; p++) {
                        da[aOff + i * k + p] += g * bv[bOff + p * n + j];
                        db[bOff + p * n + j] += g * av[aOff + i * k + p];
                    }
                }
            }
        }
        return new double[][] {da, db};
    }

    private static Shape batchOf(Shape s) { return Shape.of(Arrays.copyOf(s.toArray(), s.rank() - 2)); }
}
