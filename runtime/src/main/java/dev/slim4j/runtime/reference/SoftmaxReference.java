package dev.slim4j.runtime.reference;

import dev.slim4j.ir.op.Softmax;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;

/**
 * Reference semantics of Softmax, LogSoftmax and Hardmax. The input is viewed as [outer, n, inner]
 * and normalized over n: n is the axis (opset 13 on), or every dim from the axis with inner = 1
 * (the 2-D coercion of earlier opsets).
 */
final class SoftmaxReference {
    private SoftmaxReference() {}

    static Tensor evaluate(Softmax op, Tensor x) {
        Shape s = x.shape();
        int axis = s.normalizeAxis(op.axis());
        long outer = s.sizeBetween(0, axis);
        long n = op.coerce2d() ? s.sizeBetween(axis, s.rank()) : s.dim(axis);
        long inner = op.coerce2d() ? 1 : s.sizeBetween(axis + 1, s.rank());
        Tensor y = Tensor.allocate(x.dtype(), s);
        for (long o = 0; o < outer; o++) {
            for (long i = 0; i < inner; i++) {
                long base = o * n * inner + i;
                switch (op.function()) {
                    case SOFTMAX -> softmax(x, y, base, n, inner, false);
                    case LOG_SOFTMAX -> softmax(x, y, base, n, inner, true);
                    case HARDMAX -> hardmax(x, y, base, n, inner);
                }
            }
        }
        return y;
    }

    private static void softmax(Tensor x, Tensor y, long base, long n, long stride, boolean log) {
        double max = Double.NEGATIVE_INFINITY;
        for (long k = 0; k < n; k++) max = Math.max(max, x.getDouble(base + k * stride));
        double sum = 0;
        for (long k = 0; k < n; k++) sum += Math.exp(x.getDouble(base + k * stride) - max);
        for (long k = 0; k < n; k++) {
            double shifted = x.getDouble(base + k * stride) - max;
            y.setDouble(base + k * stride, log ? shifted - Math.log(sum) : Math.exp(shifted) / sum);
        }
    }

    /** 1 at the first maximum of the row, 0 elsewhere. */
    private static void hardmax(Tensor x, Tensor y, long base, long n, long stride) {
        long best = 0;
        for (long k = 1; k < n; k++) {
            if (x.getDouble(base + k * stride) > x.getDouble(base + best * stride)) best = k;
        }
        for (long k = 0; k < n; k++) y.setDouble(base + k * stride, k == best ? 1 : 0);
    }
}
