package dev.slim4j.train.grad;

import dev.slim4j.ir.op.AveragePool;
import dev.slim4j.ir.op.BatchNormalization;
import dev.slim4j.ir.op.Binary;
import dev.slim4j.ir.op.Cast;
import dev.slim4j.ir.op.Celu;
import dev.slim4j.ir.op.Clip;
import dev.slim4j.ir.op.Concat;
import dev.slim4j.ir.op.Conv;
import dev.slim4j.ir.op.Dropout;
import dev.slim4j.ir.op.ElementwiseOp;
import dev.slim4j.ir.op.Elu;
import dev.slim4j.ir.op.Expand;
import dev.slim4j.ir.op.Flatten;
import dev.slim4j.ir.op.Gather;
import dev.slim4j.ir.op.Gemm;
import dev.slim4j.ir.op.GlobalAveragePool;
import dev.slim4j.ir.op.GlobalMaxPool;
import dev.slim4j.ir.op.HardSigmoid;
import dev.slim4j.ir.op.Identity;
import dev.slim4j.ir.op.LeakyRelu;
import dev.slim4j.ir.op.MatMul;
import dev.slim4j.ir.op.MaxPool;
import dev.slim4j.ir.op.NnOp;
import dev.slim4j.ir.op.Op;
import dev.slim4j.ir.op.OpaqueOp;
import dev.slim4j.ir.op.Pad;
import dev.slim4j.ir.op.QuantOp;
import dev.slim4j.ir.op.Reduce;
import dev.slim4j.ir.op.Reshape;
import dev.slim4j.ir.op.Selu;
import dev.slim4j.ir.op.ShapeOp;
import dev.slim4j.ir.op.Slice;
import dev.slim4j.ir.op.Softmax;
import dev.slim4j.ir.op.Split;
import dev.slim4j.ir.op.Squeeze;
import dev.slim4j.ir.op.Tile;
import dev.slim4j.ir.op.Transpose;
import dev.slim4j.ir.op.Unary;
import dev.slim4j.ir.op.UnsupportedOpException;
import dev.slim4j.ir.op.Unsqueeze;
import dev.slim4j.ir.op.Variadic;
import dev.slim4j.ir.op.Where;
import dev.slim4j.kernels.Parallelism;
import dev.slim4j.tensor.Tensor;
import java.util.function.DoubleBinaryOperator;

/**
 * The gradient rule of every differentiable op, in one table: given a tape step and d(loss)/d(output)
 * per output (zeros for outputs the loss does not read), the gradient per input (null for inputs that
 * get none: integer inputs, shapes, indices). Dispatch is a pattern switch over the sealed op families;
 * an op without a rule fails with {@link UnsupportedOpException} naming it. The arithmetic lives in the
 * per-family classes ({@link ConvGradient}, {@link PoolGradient}, {@link MatrixGradient},
 * {@link NormalizationGradient}, {@link ElementwiseGradient}, {@link LayoutGradient}).
 */
final class GradientRules {
    private GradientRules() {}

    static double[][] gradients(Step s, double[][] dy) { return gradients(s, dy, Parallelism.serial(), true); }

    /**
     * As {@link #gradients(Step, double[][])}, FLOAT32 ops on the fast float path ({@link FastGradients});
     * without {@code firstInputWanted} a fast rule may skip the first input's gradient (a Conv reading the images).
     */
    static double[][] gradients(Step s, double[][] dy, Parallelism par, boolean firstInputWanted) {
        Op op = s.node().op();
        double[][] fast = FastGradients.of(s, dy, par, firstInputWanted);
        if (fast != null) return fast;
        return switch (op) {
            case NnOp n -> nn(n, s, dy);
            case ElementwiseOp e -> elementwise(e, s, dy);
            case ShapeOp sh -> shape(sh, s, dy);
            case QuantOp q -> throw unsupported(q, "no gradient rule for quantization ops (QAT uses fake-quant rules)");
            case OpaqueOp o -> throw unsupported(o, "opaque op");
        };
    }

    private static double[][] nn(NnOp op, Step s, double[][] dy) {
        return switch (op) {
            case Conv c -> ConvGradient.conv(c, s.input(0), s.input(1), s.input(2) != null, dy[0]);
            case Gemm g -> MatrixGradient.gemm(g, s.input(0), s.input(1), s.input(2), dy[0]);
            case MatMul m -> MatrixGradient.matMul(s.input(0), s.input(1), dy[0]);
            case BatchNormalization b -> NormalizationGradient.batchNormalization(b, s, dy[0]);
            case MaxPool p -> one(PoolGradient.maxPool(p.window(), s.input(0), dy[0]));
            case AveragePool p -> one(PoolGradient.averagePool(p, s.input(0), dy[0]));
            case GlobalAveragePool p -> one(PoolGradient.globalAverage(s.input(0), dy[0]));
            case GlobalMaxPool p -> one(PoolGradient.globalMax(s.input(0), dy[0]));
            default -> throw unsupported(op, "no gradient rule");
        };
    }

    private static double[][] elementwise(ElementwiseOp op, Step s, double[][] dy) {
        Tensor x = s.input(0);
        Tensor y = s.output(0);
        return switch (op) {
            case Unary u -> one(ElementwiseGradient.unary(u, x, y, dy[0]));
            case Binary b -> ElementwiseGradient.binary(b.function(), x, s.input(1), y, dy[0]);
            case Clip c -> one(ElementwiseGradient.clip(c, x, s.input(1), s.input(2), dy[0]));
            case LeakyRelu r -> pointwise(x, dy[0], (v, g) -> v < 0 ? r.alpha() * g : g);
            case HardSigmoid h -> pointwise(x, dy[0], (v, g) -> {
                double t = h.alpha() * v + h.beta();
                return t > 0 && t < 1 ? h.alpha() * g : 0;
            });
            case Elu e -> pointwise(x, dy[0], (v, g) -> v < 0 ? e.alpha() * Math.exp(v) * g : g);
            case Selu e -> pointwise(x, dy[0], (v, g) -> e.gamma() * (v > 0 ? g : e.alpha() * Math.exp(v) * g));
            case Celu c -> pointwise(x, dy[0], (v, g) -> v > 0 ? g : Math.exp(v / c.alpha()) * g);
            case Softmax m -> one(ElementwiseGradient.softmax(m, y, dy[0]));
            case Reduce r -> one(ElementwiseGradient.reduce(r, s, dy[0]));
            case Variadic v -> ElementwiseGradient.variadic(v.function(), s, dy[0]);
            case Where w -> ElementwiseGradient.where(s, dy[0]);
            case Cast c -> one(x.dtype().isFloatingPoint() && c.to().isFloatingPoint() ? dy[0].clone() : null);
            default -> throw unsupported(op, "no gradient rule");
        };
    }

    private static double[][] shape(ShapeOp op, Step s, double[][] dy) {
        return switch (op) {
            case Identity i -> one(dy[0].clone());
            case Reshape r -> one(dy[0].clone());
            case Flatten f -> one(dy[0].clone());
            case Squeeze q -> one(dy[0].clone());
            case Unsqueeze u -> one(dy[0].clone());
            case Dropout d -> one(s.dropoutScale() == null ? dy[0].clone() : dropout(s.dropoutScale(), dy[0]));
            case Transpose t -> one(LayoutGradient.transpose(t, s.input(0), dy[0]));
            case Concat c -> LayoutGradient.concat(c, s.inputs(), dy[0]);
            case Split p -> one(LayoutGradient.split(p, s, dy));
            case Slice l -> one(LayoutGradient.slice(s, dy[0]));
            case Pad p -> one(LayoutGradient.pad(p, s, dy[0]));
            case Expand e -> one(Dense.sumTo(dy[0], s.output(0).shape(), s.inputShape(0)));
            case Tile t -> one(LayoutGradient.tile(s.input(0), s.output(0), dy[0]));
            case Gather g -> one(LayoutGradient.gather(g, s.input(0), s.input(1), dy[0]));
            default -> throw unsupported(op, "no gradient rule");
        };
    }

    private static double[] dropout(double[] scale, double[] dy) {
        double[] dx = new double[dy.length];
        for (int i = 0; i < dx.length; i++) dx[i] = dy[i] * scale[i];
        return dx;
    }

    /** dx = f(x, dy) element by element. */
    private static double[][] pointwise(Tensor x, double[] dy, DoubleBinaryOperator f) {
        double[] dx = new double[dy.length];
        for (int i = 0; i < dx.length; i++) dx[i] = f.applyAsDouble(x.getDouble(i), dy[i]);
        return one(dx);
    }

    private static double[][] one(double[] dx) { return new double[][] {dx}; }

    static UnsupportedOpException unsupported(Op op, String why) {
        return new UnsupportedOpException(op.opType(), op.domain(), 0, "gradient: " + why);
    }
}
