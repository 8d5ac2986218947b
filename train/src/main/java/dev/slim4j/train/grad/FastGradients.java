package dev.slim4j.train.grad;

import dev.slim4j.ir.op.BatchNormalization;
import dev.slim4j.ir.op.Binary;
import dev.slim4j.ir.op.BinaryFunction;
import dev.slim4j.ir.op.Clip;
import dev.slim4j.ir.op.Conv;
import dev.slim4j.ir.op.Gemm;
import dev.slim4j.ir.op.MatMul;
import dev.slim4j.ir.op.MaxPool;
import dev.slim4j.ir.op.Unary;
import dev.slim4j.ir.op.UnaryFunction;
import dev.slim4j.kernels.Parallelism;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Tensor;

/**
 * The float-array gradient rules {@link GradientRules} tries first (Conv, Gemm, MatMul, MaxPool, Relu, Clip,
 * same-shape Add, training-mode BatchNormalization); null where a step has none (other types, variants). */
final class FastGradients {
    private FastGradients() {}

    static double[][] of(Step s, double[][] dy, Parallelism par, boolean firstInputWanted) {
        Tensor x = s.input(0);
        if (x == null || x.dtype() != DType.FLOAT32 || dy[0] == null) return null;
        for (Tensor t : s.inputs()) if (t != null && t.dtype() != DType.FLOAT32) return null;
        return switch (s.node().op()) {
            case Conv c when FloatConv.geometry(c, x, s.input(1)) != null ->
                    FloatConv.gradients(c, x, s.input(1), s.input(2) != null, dy[0], par, firstInputWanted);
            case Gemm g when x.rank() == 2 && s.input(1).rank() == 2 ->
                    FloatMatrix.gradients(g, x, s.input(1), s.input(2), dy[0], par);
            case MatMul m when x.rank() == 2 && s.input(1).rank() == 2 -> {
                double[][] g = FloatMatrix.gradients(FloatMatrix.PLAIN, x, s.input(1), null, dy[0], par);
                yield new double[][] {g[0], g[1]};
            }
            case MaxPool p when s.outputs().size() == 1 && FloatPool.fits(p, x) ->
                    new double[][] {FloatPool.maxGradient(p, x, dy[0], par)};
            case Unary u when u.function() == UnaryFunction.RELU ->
                    new double[][] {FloatPointwise.passWhere(x, dy[0], 0f, Float.POSITIVE_INFINITY, par)};
            case Clip c when s.inputs().size() == 3 && s.input(1) != null && s.input(2) != null ->
                    new double[][] {FloatPointwise.passWithin(x, dy[0], s.input(1).floats()[0], s.input(2).floats()[0], par), null, null};
            case Binary b when b.function() == BinaryFunction.ADD && x.shape().equals(s.input(1).shape()) ->
                    new double[][] {dy[0], dy[0]};
            case BatchNormalization b when s.training() && x.rank() >= 2 ->
                    FloatNormGradient.training(b, x, s.input(1), dy[0], par);
            default -> null;
        };
    }
}
