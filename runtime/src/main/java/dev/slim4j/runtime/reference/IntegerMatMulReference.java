package dev.slim4j.runtime.reference;

import dev.slim4j.ir.op.Broadcast;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.ShapeException;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.tensor.quant.QuantMath;
import java.util.Arrays;
import java.util.List;

/**
 * Reference MatMulInteger and QLinearMatMul (NumPy matmul semantics): int32 accumulation (wrapping,
 * as ONNX allows) of (a - a_zero_point)(b - b_zero_point). a's parameters are per tensor or per row
 * ([M] or broadcastable to [..., M, 1]), b's per tensor or per column ([N] or broadcastable to [..., 1, N]).
 */
final class IntegerMatMulReference {
    private IntegerMatMulReference() {}

    /**
     * A matrix product's sizes: for each output matrix, the matrix of A and of B it reads; the shapes
     * of one parameter per row of A and per column of B.
     */
    record Layout(int m, int k, int n, int[] aMatrix, int[] bMatrix, Shape rows, Shape columns, Shape output) {
        static Layout of(String op, Shape a, Shape b) {
            if (a.rank() == 0 || b.rank() == 0) {
                throw new ShapeException(op + ": expected operands of rank >= 1, found " + a + " and " + b);
            }
            Shape as = a.rank() == 1 ? Shape.of(1, a.dim(0)) : a;
            Shape bs = b.rank() == 1 ? Shape.of(b.dim(0), 1) : b;
            int m = as.dim(as.rank() - 2);
            int k = as.dim(as.rank() - 1);
            int n = bs.dim(bs.rank() - 1);
            if (bs.dim(bs.rank() - 2) != k) {
                throw new ShapeException(op + ": expected inner dims to agree, found " + a + " x " + b);
            }
            Shape aBatch = batch(as);
            Shape bBatch = batch(bs);
            Shape outBatch = Broadcast.shape(aBatch, bBatch);
            int extra = (a.rank() > 1 ? 1 : 0) + (b.rank() > 1 ? 1 : 0);
            int[] out = Arrays.copyOf(outBatch.toArray(), outBatch.rank() + extra);
            if (a.rank() > 1) out[outBatch.rank()] = m;
            if (b.rank() > 1) out[out.length - 1] = n;
            return new Layout(m, k, n, ints(BroadcastIndex.of(aBatch, outBatch)),
                    ints(BroadcastIndex.of(bBatch, outBatch)), append(aBatch, m, 1), append(bBatch, 1, n), Shape.of(out));
        }

        int matrices() { return aMatrix.length; }
    }

    static Tensor matMulInteger(List<Tensor> in) {
        Tensor a = in.get(0);
        Tensor b = in.get(1);
        Layout l = Layout.of("MatMulInteger", a.shape(), b.shape());
        long[] aZero = rowParameter("MatMulInteger", "a_zero_point", QuantReference.input(in, 2), l);
        long[] bZero = columnParameter("MatMulInteger", "b_zero_point", QuantReference.input(in, 3), l);
        return Tensor.ofInts(l.output(), accumulate(a, aZero, b, bZero, l));
    }

    static Tensor qLinearMatMul(List<Tensor> in) {
        Tensor a = in.get(0);
        Tensor b = in.get(3);
        Tensor yZp = in.get(7);
        Layout l = Layout.of("QLinearMatMul", a.shape(), b.shape());
        int[] acc = accumulate(a, rowParameter("QLinearMatMul", "a_zero_point", in.get(2), l), b,
                columnParameter("QLinearMatMul", "b_zero_point", in.get(5), l), l);
        double[] aScale = parameter("QLinearMatMul", "a_scale", rowsView(in.get(1), l), l.rows());
        double[] bScale = parameter("QLinearMatMul", "b_scale", in.get(4), l.columns());
        float yScale = (float) IntegerConvReference.scalarOf("QLinearMatMul", "y_scale", in.get(6));
        long yZero = (long) IntegerConvReference.scalarOf("QLinearMatMul", "y_zero_point", yZp);
        Tensor y = Tensor.allocate(yZp.dtype(), l.output());
        for (int i = 0; i < acc.length; i++) {
            int matrix = i / (l.m() * l.n());
            int row = l.aMatrix()[matrix] * l.m() + (i / l.n()) % l.m();
            int column = l.bMatrix()[matrix] * l.n() + i % l.n();
            float multiplier = QuantMath.requantizeMultiplier((float) aScale[row], (float) bScale[column], yScale);
            y.setLong(i, QuantMath.requantize(acc[i], multiplier, yZero, yZp.dtype()));
        }
        return y;
    }

    /** The int32 accumulators of every output element, row-major over [batch..., M, N]. */
    private static int[] accumulate(Tensor a, long[] aZero, Tensor b, long[] bZero, Layout l) {
        int[] y = new int[l.matrices() * l.m() * l.n()];
        for (int t = 0; t < l.matrices(); t++) {
            int aBase = l.aMatrix()[t] * l.m() * l.k();
            int bBase = l.bMatrix()[t] * l.k() * l.n();
            for (int i = 0; i < l.m(); i++) {
                long za = aZero[l.aMatrix()[t] * l.m() + i];
                for (int j = 0; j < l.n(); j++) {
                    long zb = bZero[l.bMatrix()[t] * l.n() + j];
                    int sum = 0;
                    for (int p = 0; p < l.k(); p++) {
                        long av = a.getLong(aBase + i * l.k() + p) - za;
                        long bv = b.getLong(bBase + p * l.n() + j) - zb;
                        sum += (int) (av * bv);
                    }
                    y[(t * l.m() + i) * l.n() + j] = sum;
                }
            }
        }
        return y;
    }

    private static long[] rowParameter(String op, String name, Tensor t, Layout l) {
        return longs(parameter(op, name, rowsView(t, l), l.rows()));
    }

    private static long[] columnParameter(String op, String name, Tensor t, Layout l) {
        return longs(parameter(op, name, t, l.columns()));
    }

    /** A 1-D per-row parameter [M] viewed as the column [M, 1] it stands for. */
    private static Tensor rowsView(Tensor t, Layout l) {
        return t != null && t.rank() == 1 && t.size() > 1 ? t.reshape(Shape.of(t.shape().dim(0), 1)) : t;
    }

    /** The parameter's value at every index of {@code target} (zeros when omitted). */
    private static double[] parameter(String op, String name, Tensor t, Shape target) {
        double[] out = new double[target.intSize()];
        if (t == null) return out;
        long[] index;
        try {
            index = BroadcastIndex.of(t.shape(), target);
        } catch (ShapeException e) {
            throw new ShapeException(op + ": expected " + name + " per tensor or broadcastable to " + target
                    + ", found " + t.shape());
        }
        boolean real = t.dtype().isFloatingPoint();
        for (int i = 0; i < out.length; i++) out[i] = real ? t.getFloat(index[i]) : t.getLong(index[i]);
        return out;
    }

    private static Shape batch(Shape s) { return Shape.of(Arrays.copyOf(s.toArray(), s.rank() - 2)); }

    private static Shape append(Shape batch, int rows, int columns) {
        int[] d = Arrays.copyOf(batch.toArray(), batch.rank() + 2);
        d[batch.rank()] = rows;
        d[batch.rank() + 1] = columns;
        return Shape.of(d);
    }

    private static int[] ints(long[] v) { return Arrays.stream(v).mapToInt(Math::toIntExact).toArray(); }

    private static long[] longs(double[] v) { return Arrays.stream(v).mapToLong(d -> (long) d).toArray(); }
}
