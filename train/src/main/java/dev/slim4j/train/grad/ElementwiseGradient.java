package dev.slim4j.train.grad;

import dev.slim4j.ir.op.BinaryFunction;
import dev.slim4j.ir.op.Clip;
import dev.slim4j.ir.op.Reduce;
import dev.slim4j.ir.op.Softmax;
import dev.slim4j.ir.op.Unary;
import dev.slim4j.ir.op.UnaryFunction;
import dev.slim4j.ir.op.VariadicFunction;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/** Gradients of the elementwise family: unary functions, broadcasting binaries, Clip, softmaxes, reductions. */
final class ElementwiseGradient {
    private ElementwiseGradient() {}

    static double[] unary(Unary op, Tensor x, Tensor y, double[] dy) {
        double[] dx = new double[dy.length];
        for (int i = 0; i < dx.length; i++) dx[i] = dy[i] * derivative(op, x.getDouble(i), y.getDouble(i));
        return dx;
    }

    /** dy/dx of y = f(x) at one element. */
    private static double derivative(Unary op, double x, double y) {
        UnaryFunction f = op.function();
        return switch (f) {
            case RELU -> x > 0 ? 1 : 0;
            case NEG -> -1;
            case ABS -> Math.signum(x);
            case SIGMOID -> y * (1 - y);
            case TANH -> 1 - y * y;
            case HARD_SWISH -> x < -3 ? 0 : x > 3 ? 1 : (2 * x + 3) / 6;
            case SQRT -> 0.5 / y;
            case EXP -> y;
            case LOG -> 1 / x;
            case ERF -> 2 / Math.sqrt(Math.PI) * Math.exp(-x * x);
            case RECIPROCAL -> -y * y;
            case FLOOR, CEIL, ROUND, SIGN -> 0;
            case SIN -> Math.cos(x);
            case COS -> -Math.sin(x);
            case TAN -> 1 + y * y;
            case SOFTPLUS -> 1 / (1 + Math.exp(-x));
            case SOFTSIGN -> 1 / ((1 + Math.abs(x)) * (1 + Math.abs(x)));
            default -> throw GradientRules.unsupported(op, "no gradient rule for " + f.onnxName());
        };
    }

    /** Gradients of a and b for c = f(a, b) with broadcasting, each summed back onto its input's shape. */
    static double[][] binary(BinaryFunction f, Tensor a, Tensor b, Tensor c, double[] dy) {
        Shape out = c.shape();
        double[] av = Dense.expand(a.doubles(), a.shape(), out);
        double[] bv = Dense.expand(b.doubles(), b.shape(), out);
        double[] da = new double[dy.length];
        double[] db = new double[dy.length];
        for (int i = 0; i < dy.length; i++) {
            double x = av[i];
            double z = bv[i];
            double g = dy[i];
            switch (f) {
                case ADD -> { da[i] = g; db[i] = g; }
                case SUB -> { da[i] = g; db[i] = -g; }
                case MUL -> { da[i] = g * z; db[i] = g * x; }
                case DIV -> { da[i] = g / z; db[i] = -g * x / (z * z); }
                case POW -> { da[i] = g * z * Math.pow(x, z - 1); db[i] = x > 0 ? g * Math.pow(x, z) * Math.log(x) : 0; }
                case PRELU -> { da[i] = x < 0 ? g * z : g; db[i] = x < 0 ? g * x : 0; }
                default -> throw new dev.slim4j.ir.op.UnsupportedOpException(f.onnxName(), "", 0,
                        "gradient: " + f.onnxName() + " is not differentiable");
            }
        }
        return new double[][] {Dense.sumTo(da, out, a.shape()), floating(b) ? Dense.sumTo(db, out, b.shape()) : null};
    }

    private static boolean floating(Tensor t) { return t != null && t.dtype().isFloatingPoint(); }

    /** The gradient passes where min <= x <= max (bounds from inputs or attributes); none for the bounds. */
    static double[] clip(Clip op, Tensor x, Tensor min, Tensor max, double[] dy) {
        double lo = min != null ? min.getDouble(0) : op.min().map(Float::doubleValue).orElse(Double.NEGATIVE_INFINITY);
        double hi = max != null ? max.getDouble(0) : op.max().map(Float::doubleValue).orElse(Double.POSITIVE_INFINITY);
        double[] dx = new double[dy.length];
        for (int i = 0; i < dx.length; i++) {
            double v = x.getDouble(i);
            dx[i] = v >= lo && v <= hi ? dy[i] : 0;
        }
        return dx;
    }

    /**
     * Over each normalized group: Softmax dx = y * (dy - sum(dy * y)); LogSoftmax dx = dy - exp(y) * sum(dy);
     * Hardmax is piecewise constant, so dx = 0.
     */
    static double[] softmax(Softmax op, Tensor y, double[] dy) {
        Shape s = y.shape();
        int axis = s.normalizeAxis(op.axis());
        long outer = s.sizeBetween(0, axis);
        int n = (int) (op.coerce2d() ? s.sizeBetween(axis, s.rank()) : s.dim(axis));
        int inner = (int) (op.coerce2d() ? 1 : s.sizeBetween(axis + 1, s.rank()));
        double[] yv = y.doubles();
        double[] dx = new double[dy.length];
        for (long o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = (int) (o * n * inner + i);
                switch (op.function()) {
                    case SOFTMAX -> softmaxGroup(yv, dy, dx, base, n, inner);
                    case LOG_SOFTMAX -> logSoftmaxGroup(yv, dy, dx, base, n, inner);
                    case HARDMAX -> { }
                }
            }
        }
        return dx;
    }

    private static void softmaxGroup(double[] y, double[] dy, double[] dx, int base, int n, int stride) {
        double dot = 0;
        for (int k = 0; k < n; k++) dot += dy[base + k * stride] * y[base + k * stride];
        for (int k = 0; k < n; k++) dx[base + k * stride] = y[base + k * stride] * (dy[base + k * stride] - dot);
    }

    private static void logSoftmaxGroup(double[] y, double[] dy, double[] dx, int base, int n, int stride) {
        double sum = 0;
        for (int k = 0; k < n; k++) sum += dy[base + k * stride];
        for (int k = 0; k < n; k++) dx[base + k * stride] = dy[base + k * stride] - Math.exp(y[base + k * stride]) * sum;
    }

    /** ReduceSum, ReduceMean, ReduceSumSquare, ReduceL2: dy spread back over the reduced axes. */
    static double[] reduce(Reduce op, Step s, double[] dy) {
        Tensor x = s.input(0);
        Tensor axesInput = s.input(1);
        boolean[] reduced = op.reducedAxes(axesInput == null ? null : Reduce.axesOf(axesInput), x.rank());
        int[] kept = x.shape().toArray();
        long count = 1;
        for (int a = 0; a < kept.length; a++) {
            if (reduced[a]) {
                count *= kept[a];
                kept[a] = 1;
            }
        }
        double[] g = Dense.expand(dy, Shape.of(kept), x.shape());
        double[] y = Dense.expand(s.output(0).doubles(), Shape.of(kept), x.shape());
        double[] dx = new double[g.length];
        for (int i = 0; i < dx.length; i++) {
            double v = x.getDouble(i);
            dx[i] = switch (op.function()) {
                case SUM -> g[i];
                case MEAN -> g[i] / count;
                case SUM_SQUARE -> 2 * v * g[i];
                case L2 -> y[i] == 0 ? 0 : v / y[i] * g[i];
                default -> throw GradientRules.unsupported(op, "no gradient rule");
            };
        }
        return dx;
    }

    /** Sum: every input gets dy summed to its shape; Mean: the same divided by the input count. */
    static double[][] variadic(VariadicFunction f, Step s, double[] dy) {
        if (f != VariadicFunction.SUM && f != VariadicFunction.MEAN) {
            throw new dev.slim4j.ir.op.UnsupportedOpException(f.name(), "", 0, "gradient: no rule for " + f);
        }
        Shape out = s.output(0).shape();
        double factor = f == VariadicFunction.MEAN ? 1.0 / s.inputs().size() : 1.0;
        double[][] dx = new double[s.inputs().size()][];
        for (int i = 0; i < dx.length; i++) dx[i] = Dense.sumTo(Dense.scaled(dy, factor), out, s.inputShape(i));
        return dx;
    }

    /** Where(cond, x, y): dy goes to x where cond holds and to y elsewhere. */
    static double[][] where(Step s, double[] dy) {
        Shape out = s.output(0).shape();
        Tensor cond = s.input(0);
        int[] ci = Dense.broadcastIndex(cond.shape(), out);
        double[] dx = new double[dy.length];
        double[] dz = new double[dy.length];
        for (int i = 0; i < dy.length; i++) {
            if (cond.getBoolean(ci[i])) dx[i] = dy[i]; else dz[i] = dy[i];
        }
        List<double[]> r = new ArrayList<>();
        r.add(null);
        r.add(Dense.sumTo(dx, out, s.inputShape(1)));
        r.add(Dense.sumTo(dz, out, s.inputShape(2)));
        return r.toArray(new double[0][]);
    }
}
