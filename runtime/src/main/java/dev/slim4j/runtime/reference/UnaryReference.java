package dev.slim4j.runtime.reference;

import dev.slim4j.ir.op.Unary;
import dev.slim4j.ir.op.UnaryFunction;
import dev.slim4j.tensor.Tensor;

/** Reference semantics of the attribute-free unary functions. */
final class UnaryReference {
    private UnaryReference() {}

    static Tensor evaluate(Unary op, Tensor x) {
        UnaryFunction f = op.function();
        Tensor y = Tensor.allocate(f.outputType(x.dtype()), x.shape());
        boolean exact = !x.dtype().isFloatingPoint();
        for (long i = 0; i < x.size(); i++) {
            if (exact) y.setLong(i, onLong(f, x.getLong(i)));
            else y.setDouble(i, onDouble(f, x.getDouble(i)));
        }
        return y;
    }

    /** Integer (and bool) inputs; functions without an integer meaning go through double. */
    private static long onLong(UnaryFunction f, long v) {
        return switch (f) {
            case RELU -> Math.max(v, 0);
            case NEG -> -v;
            case ABS -> Math.abs(v);
            case SIGN -> Long.signum(v);
            case NOT -> v == 0 ? 1 : 0;
            case FLOOR, CEIL, ROUND -> v;
            case IS_NAN -> 0;
            default -> (long) onDouble(f, v);
        };
    }

    private static double onDouble(UnaryFunction f, double v) {
        return switch (f) {
            case RELU -> Math.max(v, 0);
            case NEG -> -v;
            case ABS -> Math.abs(v);
            case SIGMOID -> ScalarMath.sigmoid(v);
            case TANH -> Math.tanh(v);
            case HARD_SWISH -> v * Math.max(0, Math.min(1, v / 6 + 0.5));
            case SQRT -> Math.sqrt(v);
            case EXP -> Math.exp(v);
            case LOG -> Math.log(v);
            case ERF -> ScalarMath.erf(v);
            case RECIPROCAL -> 1 / v;
            case FLOOR -> Math.floor(v);
            case CEIL -> Math.ceil(v);
            case ROUND -> Math.rint(v);
            case SIGN -> Math.signum(v);
            case SIN -> Math.sin(v);
            case COS -> Math.cos(v);
            case TAN -> Math.tan(v);
            case ASIN -> Math.asin(v);
            case ACOS -> Math.acos(v);
            case ATAN -> Math.atan(v);
            case SINH -> Math.sinh(v);
            case COSH -> Math.cosh(v);
            case ASINH -> Math.signum(v) * Math.log(Math.abs(v) + Math.sqrt(v * v + 1));
            case ACOSH -> Math.log(v + Math.sqrt(v * v - 1));
            case ATANH -> 0.5 * Math.log((1 + v) / (1 - v));
            case SOFTPLUS -> ScalarMath.softplus(v);
            case SOFTSIGN -> v / (1 + Math.abs(v));
            case NOT -> v == 0 ? 1 : 0;
            case IS_NAN -> Double.isNaN(v) ? 1 : 0;
        };
    }
}
