package dev.slim4j.train.grad;

import dev.slim4j.ir.op.BatchNormalization;
import dev.slim4j.ir.op.Binary;
import dev.slim4j.ir.op.BinaryFunction;
import dev.slim4j.ir.op.Clip;
import dev.slim4j.ir.op.Conv;
import dev.slim4j.ir.op.Gemm;
import dev.slim4j.ir.op.GlobalAveragePool;
import dev.slim4j.ir.op.MatMul;
import dev.slim4j.ir.op.MaxPool;
import dev.slim4j.ir.op.Op;
import dev.slim4j.ir.op.Unary;
import dev.slim4j.ir.op.UnaryFunction;
import dev.slim4j.ir.pass.OpEvaluator;
import dev.slim4j.kernels.Parallelism;
import dev.slim4j.runtime.reference.ReferenceOps;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Tensor;
import java.util.List;
import java.util.Objects;

/**
 * The training evaluator: FLOAT32 Gemm, MatMul (2-D), Conv (2-D), Relu, Clip, MaxPool (2-D), BatchNormalization,
 * same-shape Add and GlobalAveragePool run on float arrays with the kernels module's GEMM; every other op and
 * every other element type goes to the scalar reference ops. Pass one to {@link Tape#record} and the backward
 * walk uses the same fast rules and thread count.
 */
public final class FastOps implements OpEvaluator {
    private final Parallelism parallelism;

    public FastOps(Parallelism parallelism) {
        this.parallelism = Objects.requireNonNull(parallelism, "parallelism");
    }

    /** Everything on the calling thread. */
    public static FastOps serial() { return new FastOps(Parallelism.serial()); }

    public Parallelism parallelism() { return parallelism; }

    @Override
    public List<Tensor> evaluate(Op op, List<Tensor> in, int outputCount) {
        List<Tensor> fast = allFloat32(in) ? fast(op, in, outputCount) : null;
        return fast != null ? fast : ReferenceOps.evaluate(op, in, outputCount);
    }

    /** The fast result, or null when this op or variant has no fast path. */
    private List<Tensor> fast(Op op, List<Tensor> in, int outputCount) {
        return switch (op) {
            case Gemm g when outputCount == 1 && in.get(0).rank() == 2 && in.get(1).rank() == 2 ->
                    List.of(FloatMatrix.gemm(g, in.get(0), in.get(1), in.size() > 2 ? in.get(2) : null, parallelism));
            case MatMul m when in.get(0).rank() == 2 && in.get(1).rank() == 2 ->
                    List.of(FloatMatrix.gemm(FloatMatrix.PLAIN, in.get(0), in.get(1), null, parallelism));
            case Conv c when outputCount == 1 && FloatConv.geometry(c, in.get(0), in.get(1)) != null ->
                    List.of(FloatConv.forward(c, in.get(0), in.get(1), in.size() > 2 ? in.get(2) : null, parallelism));
            case Unary u when u.function() == UnaryFunction.RELU -> List.of(FloatPointwise.relu(in.getFirst(), parallelism));
            case Clip c when in.size() == 3 && in.get(1) != null && in.get(2) != null ->
                    List.of(FloatPointwise.clip(in.getFirst(), in.get(1).floats()[0], in.get(2).floats()[0], parallelism));
            case Binary b when b.function() == BinaryFunction.ADD && in.get(0).shape().equals(in.get(1).shape()) ->
                    List.of(FloatPointwise.add(in.get(0), in.get(1), parallelism));
            case MaxPool p when outputCount == 1 && FloatPool.fits(p, in.getFirst()) -> List.of(FloatPool.maxForward(p, in.getFirst(), parallelism));
            case GlobalAveragePool p when in.getFirst().rank() >= 3 -> List.of(FloatPool.globalAverage(in.getFirst()));
            case BatchNormalization b when in.getFirst().rank() >= 2 && (b.trainingMode() == 0 || outputCount == 3) ->
                    FloatNorm.forward(b, in, outputCount, parallelism);
            default -> null;
        };
    }

    private static boolean allFloat32(List<Tensor> in) {
        if (in.isEmpty()) return false;
        for (Tensor t : in) if (t != null && t.dtype() != DType.FLOAT32) return false;
        return in.getFirst() != null;
    }
}
