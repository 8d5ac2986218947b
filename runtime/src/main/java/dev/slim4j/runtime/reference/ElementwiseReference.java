package dev.slim4j.runtime.reference;

import dev.slim4j.ir.op.ArgReduce;
import dev.slim4j.ir.op.Binary;
import dev.slim4j.ir.op.Cast;
import dev.slim4j.ir.op.CastLike;
import dev.slim4j.ir.op.Celu;
import dev.slim4j.ir.op.Clip;
import dev.slim4j.ir.op.ElementwiseOp;
import dev.slim4j.ir.op.Elu;
import dev.slim4j.ir.op.HardSigmoid;
import dev.slim4j.ir.op.IsInf;
import dev.slim4j.ir.op.LeakyRelu;
import dev.slim4j.ir.op.Mod;
import dev.slim4j.ir.op.Reduce;
import dev.slim4j.ir.op.Selu;
import dev.slim4j.ir.op.Softmax;
import dev.slim4j.ir.op.ThresholdedRelu;
import dev.slim4j.ir.op.Unary;
import dev.slim4j.ir.op.UnsupportedOpException;
import dev.slim4j.ir.op.Variadic;
import dev.slim4j.ir.op.Where;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Tensor;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Reference semantics of the elementwise family. Floating-point types compute in double and
 * integer types in long; results are stored in the op's ONNX output type.
 */
final class ElementwiseReference {
    private ElementwiseReference() {}

    static List<Tensor> evaluate(ElementwiseOp op, List<Tensor> in, int outputCount) {
        Tensor x = in.getFirst();
        return List.of(switch (op) {
            case Unary u -> UnaryReference.evaluate(u, x);
            case LeakyRelu r -> map(x, v -> v < 0 ? r.alpha() * v : v);
            case Elu e -> map(x, v -> v < 0 ? e.alpha() * Math.expm1(v) : v);
            case Celu c -> map(x, v -> Math.max(0, v) + Math.min(0, c.alpha() * Math.expm1(v / c.alpha())));
            case Selu s -> map(x, v -> s.gamma() * (v > 0 ? v : s.alpha() * Math.expm1(v)));
            case ThresholdedRelu t -> map(x, v -> v > t.alpha() ? v : 0);
            case HardSigmoid h -> map(x, v -> Math.max(0, Math.min(1, h.alpha() * v + h.beta())));
            case IsInf i -> isInf(i, x);
            case Clip c -> clip(c, x, in);
            case Cast c -> cast(x, c.to(), c.opType());
            case CastLike c -> cast(x, in.get(1).dtype(), c.opType());
            case Binary b -> BinaryReference.binary(b.function(), x, in.get(1));
            case Mod m -> BinaryReference.mod(m.fmod(), x, in.get(1));
            case Variadic v -> BinaryReference.variadic(v.function(), in);
            case Where w -> BinaryReference.where(x, in.get(1), in.get(2));
            case Softmax s -> SoftmaxReference.evaluate(s, x);
            case Reduce r -> ReductionReference.reduce(r, x, in.size() > 1 ? in.get(1) : null);
            case ArgReduce a -> ReductionReference.argReduce(a, x);
        });
    }

    /** y = f(x) in double, stored in x's type. */
    static Tensor map(Tensor x, DoubleUnaryOperator f) {
        Tensor y = Tensor.allocate(x.dtype(), x.shape());
        for (long i = 0; i < x.size(); i++) y.setDouble(i, f.applyAsDouble(x.getDouble(i)));
        return y;
    }

    private static Tensor isInf(IsInf op, Tensor x) {
        Tensor y = Tensor.allocate(DType.BOOL, x.shape());
        for (long i = 0; i < x.size(); i++) {
            double v = x.getDouble(i);
            boolean inf = (op.detectPositive() && v == Double.POSITIVE_INFINITY)
                    || (op.detectNegative() && v == Double.NEGATIVE_INFINITY);
            y.setLong(i, inf ? 1 : 0);
        }
        return y;
    }

    private static Tensor clip(Clip op, Tensor x, List<Tensor> in) {
        Tensor lo = in.size() > 1 ? in.get(1) : null;
        Tensor hi = in.size() > 2 ? in.get(2) : null;
        Tensor y = Tensor.allocate(x.dtype(), x.shape());
        if (x.dtype().isFloatingPoint()) {
            double min = lo != null ? lo.getDouble(0) : op.min().map(Float::doubleValue).orElse(Double.NEGATIVE_INFINITY);
            double max = hi != null ? hi.getDouble(0) : op.max().map(Float::doubleValue).orElse(Double.POSITIVE_INFINITY);
            for (long i = 0; i < x.size(); i++) y.setDouble(i, Math.min(Math.max(x.getDouble(i), min), max));
        } else {
            long min = lo != null ? lo.getLong(0) : op.min().map(Float::longValue).orElse(Long.MIN_VALUE);
            long max = hi != null ? hi.getLong(0) : op.max().map(Float::longValue).orElse(Long.MAX_VALUE);
            for (long i = 0; i < x.size(); i++) y.setLong(i, Math.min(Math.max(x.getLong(i), min), max));
        }
        return y;
    }

    private static Tensor cast(Tensor x, DType to, String opType) {
        if (!to.isStorable() || !x.dtype().isStorable()) {
            throw new UnsupportedOpException(opType, "", 0, "cast from " + x.dtype() + " to " + to
                    + ": string tensors are not supported");
        }
        return x.cast(to);
    }
}
