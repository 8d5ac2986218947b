package dev.slim4j.runtime.reference;

import dev.slim4j.ir.op.ArgReduce;
import dev.slim4j.ir.op.Reduce;
import dev.slim4j.ir.op.ReduceFunction;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * Reference semantics of the reductions and of ArgMax / ArgMin. Floating-point inputs accumulate in
 * double; integer inputs accumulate exactly in long where the function allows (sum, product,
 * extremes, L1, sum of squares, mean truncated toward zero), else in double.
 */
final class ReductionReference {
    private ReductionReference() {}

    static Tensor reduce(Reduce op, Tensor x, Tensor axesInput) {
        Shape in = x.shape();
        List<Long> axes = axesInput == null ? null : Reduce.axesOf(axesInput);
        boolean[] reduced = op.reducedAxes(axes, in.rank());
        List<Integer> outDims = op.outputDims(Arrays.stream(in.toArray()).boxed().toList(), reduced, 1);
        Shape outShape = Shape.of(outDims);
        long[] target = targetIndex(in, reduced);
        long count = 1;
        for (int d = 0; d < in.rank(); d++) if (reduced[d]) count *= in.dim(d);
        Tensor y = Tensor.allocate(x.dtype(), outShape);
        if (exactInLong(op.function(), x.dtype())) reduceLong(op.function(), x, target, count, y);
        else reduceDouble(op.function(), x, target, count, y);
        return y;
    }

    private static boolean exactInLong(ReduceFunction f, DType t) {
        if (t.isFloatingPoint()) return false;
        return switch (f) {
            case SUM, PROD, MAX, MIN, L1, SUM_SQUARE, MEAN -> true;
            case L2, LOG_SUM, LOG_SUM_EXP -> false;
        };
    }

    /** For each input element (row-major), the output element it reduces into. */
    private static long[] targetIndex(Shape in, boolean[] reduced) {
        long[] outStrides = new long[in.rank()];
        long acc = 1;
        for (int d = in.rank() - 1; d >= 0; d--) {
            outStrides[d] = reduced[d] ? 0 : acc;
            if (!reduced[d]) acc *= in.dim(d);
        }
        return BroadcastIndex.offsets(in, outStrides);
    }

    private static void reduceDouble(ReduceFunction f, Tensor x, long[] target, long count, Tensor y) {
        double[] acc = new double[y.shape().intSize()];
        Arrays.fill(acc, switch (f) {
            case PROD -> 1;
            case MAX -> Double.NEGATIVE_INFINITY;
            case MIN -> Double.POSITIVE_INFINITY;
            default -> 0;
        });
        for (int i = 0; i < target.length; i++) {
            int o = (int) target[i];
            double v = x.getDouble(i);
            acc[o] = switch (f) {
                case SUM, MEAN, LOG_SUM -> acc[o] + v;
                case PROD -> acc[o] * v;
                case MAX -> Math.max(acc[o], v);
                case MIN -> Math.min(acc[o], v);
                case L1 -> acc[o] + Math.abs(v);
                case L2, SUM_SQUARE -> acc[o] + v * v;
                case LOG_SUM_EXP -> acc[o] + Math.exp(v);
            };
        }
        for (int o = 0; o < acc.length; o++) {
            y.setDouble(o, switch (f) {
                case MEAN -> acc[o] / count;
                case L2 -> Math.sqrt(acc[o]);
                case LOG_SUM, LOG_SUM_EXP -> Math.log(acc[o]);
                default -> acc[o];
            });
        }
    }

    private static void reduceLong(ReduceFunction f, Tensor x, long[] target, long count, Tensor y) {
        long[] acc = new long[y.shape().intSize()];
        Arrays.fill(acc, switch (f) {
            case PROD -> 1;
            case MAX -> Long.MIN_VALUE;
            case MIN -> Long.MAX_VALUE;
            default -> 0;
        });
        for (int i = 0; i < target.length; i++) {
            int o = (int) target[i];
            long v = x.getLong(i);
            acc[o] = switch (f) {
                case PROD -> acc[o] * v;
                case MAX -> Math.max(acc[o], v);
                case MIN -> Math.min(acc[o], v);
                case L1 -> acc[o] + Math.abs(v);
                case SUM_SQUARE -> acc[o] + v * v;
                default -> acc[o] + v;
            };
        }
        for (int o = 0; o < acc.length; o++) y.setLong(o, f == ReduceFunction.MEAN ? acc[o] / count : acc[o]);
    }

    static Tensor argReduce(ArgReduce op, Tensor x) {
        Shape s = x.shape();
        int axis = s.normalizeAxis(op.axis());
        long outer = s.sizeBetween(0, axis);
        long n = s.dim(axis);
        long inner = s.sizeBetween(axis + 1, s.rank());
        int[] dims = s.toArray();
        dims[axis] = 1;
        Tensor y = Tensor.allocate(DType.INT64, Shape.of(dims));
        for (long o = 0; o < outer; o++) {
            for (long i = 0; i < inner; i++) {
                long base = o * n * inner + i;
                long best = 0;
                for (long k = 1; k < n; k++) {
                    double c = Double.compare(x.getDouble(base + k * inner), x.getDouble(base + best * inner));
                    if (!op.max()) c = -c;
                    if (c > 0 || (c == 0 && op.selectLastIndex())) best = k;
                }
                y.setLong(o * inner + i, best);
            }
        }
        if (op.keepdims()) return y;
        int[] kept = new int[s.rank() - 1];
        for (int d = 0, j = 0; d < s.rank(); d++) if (d != axis) kept[j++] = s.dim(d);
        return y.reshape(Shape.of(kept));
    }
}
