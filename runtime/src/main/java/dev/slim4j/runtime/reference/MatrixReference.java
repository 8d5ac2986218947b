package dev.slim4j.runtime.reference;

import dev.slim4j.ir.op.Broadcast;
import dev.slim4j.ir.op.Gemm;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.ShapeException;
import dev.slim4j.tensor.Tensor;
import java.util.Arrays;

/** Reference MatMul (NumPy semantics) and Gemm, accumulating in double. */
final class MatrixReference {
    private MatrixReference() {}

    static Tensor matMul(Tensor a, Tensor b) {
        if (a.rank() == 0 || b.rank() == 0) {
            throw new ShapeException("MatMul: expected operands of rank >= 1, found " + a.shape() + " and " + b.shape());
        }
        Shape as = a.rank() == 1 ? Shape.of(1, a.shape().dim(0)) : a.shape();
        Shape bs = b.rank() == 1 ? Shape.of(b.shape().dim(0), 1) : b.shape();
        int m = as.dim(as.rank() - 2);
        int k = as.dim(as.rank() - 1);
        int n = bs.dim(bs.rank() - 1);
        if (bs.dim(bs.rank() - 2) != k) {
            throw new ShapeException("MatMul: expected inner dims to agree, found " + a.shape() + " x " + b.shape());
        }
        Shape batch = Broadcast.shape(batchOf(as), batchOf(bs));
        long[] aStrides = Broadcast.strides(batchOf(as), batch);
        long[] bStrides = Broadcast.strides(batchOf(bs), batch);
        double[] av = a.doubles();
        double[] bv = b.doubles();
        double[] y = new double[Math.toIntExact(batch.size() * m * n)];
        int[] coords = new int[batch.rank()];
        for (int i = 0; i < batch.size(); i++) {
            WindowTable.unravel(i, batch.toArray(), coords);
            long aOff = offset(coords, aStrides) * m * k;
            long bOff = offset(coords, bStrides) * k * n;
            multiply(av, (int) aOff, k, 1, bv, (int) bOff, n, 1, y, i * m * n, m, n, k);
        }
        Tensor out = Tensor.allocate(a.dtype(), resultShape(a, b, batch, m, n));
        for (int i = 0; i < y.length; i++) out.setDouble(i, y[i]);
        return out;
    }

    private static Shape batchOf(Shape s) { return Shape.of(Arrays.copyOf(s.toArray(), s.rank() - 2)); }

    private static long offset(int[] coords, long[] strides) {
        long o = 0;
        for (int i = 0; i < coords.length; i++) o += coords[i] * strides[i];
        return o;
    }

    private static Shape resultShape(Tensor a, Tensor b, Shape batch, int m, int n) {
        int[] dims = Arrays.copyOf(batch.toArray(), batch.rank() + 2);
        int rank = batch.rank();
        dims[rank] = m;
        dims[rank + 1] = n;
        if (b.rank() == 1) dims = Arrays.copyOf(dims, rank + 1);
        if (a.rank() == 1) {
            int[] d = new int[dims.length - 1];
            System.arraycopy(dims, 0, d, 0, rank);
            System.arraycopy(dims, rank + 1, d, rank, dims.length - rank - 1);
            dims = d;
        }
        return Shape.of(dims);
    }

    /** y[i, j] = sum over p of a[i, p] * b[p, j], with row and column strides for each operand. */
    private static void multiply(double[] a, int aOff, int aRow, int aCol, double[] b, int bOff, int bRow, int bCol,
                                 double[] y, int yOff, int m, int n, int k) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double acc = 0;
                for (int p = 0; p < k; p++) acc += a[aOff + i * aRow + p * aCol] * b[bOff + p * bRow + j * bCol];
                y[yOff + i * n + j] = acc;
            }
        }
    }

    static Tensor gemm(Gemm op, Tensor a, Tensor b, Tensor c) {
        if (a.rank() != 2 || b.rank() != 2) {
            throw new ShapeException("Gemm: expected A and B of rank 2, found " + a.shape() + " and " + b.shape());
        }
        boolean ta = op.transA() != 0;
        boolean tb = op.transB() != 0;
        int m = a.shape().dim(ta ? 1 : 0);
        int k = a.shape().dim(ta ? 0 : 1);
        int n = b.shape().dim(tb ? 0 : 1);
        if (b.shape().dim(tb ? 1 : 0) != k) {
            throw new ShapeException("Gemm: expected op(A) columns = op(B) rows, found A " + a.shape() + " B "
                    + b.shape() + " (transA " + op.transA() + ", transB " + op.transB() + ")");
        }
        double[] y = new double[m * n];
        int aCols = a.shape().dim(1);
        int bCols = b.shape().dim(1);
        multiply(a.doubles(), 0, ta ? 1 : aCols, ta ? aCols : 1, b.doubles(), 0, tb ? 1 : bCols, tb ? bCols : 1,
                y, 0, m, n, k);
        Shape out = Shape.of(m, n);
        long[] cStrides = c == null ? null : Broadcast.strides(c.shape(), out);
        Tensor result = Tensor.allocate(a.dtype(), out);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double v = op.alpha() * y[i * n + j];
                if (c != null) v += op.beta() * c.getDouble(i * cStrides[0] + j * cStrides[1]);
                result.setDouble(i * n + j, v);
            }
        }
        return result;
    }
}
