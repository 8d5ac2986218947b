package dev.slim4j.runtime.plan;

import dev.slim4j.ir.op.BatchNormalization;
import dev.slim4j.ir.op.Binary;
import dev.slim4j.ir.op.Clip;
import dev.slim4j.ir.op.Softmax;
import dev.slim4j.ir.op.SoftmaxFunction;
import dev.slim4j.ir.op.Unary;
import dev.slim4j.kernels.Activation;
import dev.slim4j.kernels.BinaryOp;
import dev.slim4j.kernels.ScaleShift;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;

/**
 * Selection for element-wise float32 ops: the activations the kernels know, Add/Sub/Mul/Div of equal shapes or
 * with one operand broadcast along one contiguous block of axes (a per-channel vector, a scalar), Softmax and
 * LogSoftmax over the last axis (or the coerced 2-D view), and inference BatchNormalization as scale and shift.
 */
final class ElementwiseRule {
    private ElementwiseRule() {}

    static Choice unary(NodeView v, Unary op) {
        return switch (op.function()) {
            case RELU -> activation(v, Activation.relu());
            case SIGMOID -> activation(v, Activation.sigmoid());
            case TANH -> activation(v, Activation.tanh());
            case HARD_SWISH -> activation(v, Activation.hardSwish());
            default -> Choice.reference("no fast kernel for " + op.opType());
        };
    }

    static Choice activation(NodeView v, Activation activation) {
        if (!v.staticFloat(0)) return Choice.reference("not float32 with static shapes");
        int count = (int) v.out(0).size();
        return Choice.fast(v.kernels().elementwise().name(), activation.toString(), p -> new ActivationStep(
                v.kernels().elementwise(), activation, count, v.read(0), v.write(0), v.workers()));
    }

    static Choice clip(NodeView v, Clip op) {
        float min = op.min().orElse(Float.NEGATIVE_INFINITY);
        float max = op.max().orElse(Float.POSITIVE_INFINITY);
        for (int i = 1; i <= 2; i++) {
            if (!v.has(i)) continue;
            Tensor bound = v.constant(i);
            if (bound == null || bound.size() != 1) return Choice.reference("clip bounds are not constant scalars");
            if (i == 1) min = bound.getFloat(0);
            else max = bound.getFloat(0);
        }
        if (!(min <= max)) return Choice.reference("clip min > max");
        return activation(v, Activation.clip(min, max));
    }

    static Choice binary(NodeView v, Binary op) {
        BinaryOp kernelOp = switch (op.function()) {
            case ADD -> BinaryOp.ADD;
            case SUB -> BinaryOp.SUB;
            case MUL -> BinaryOp.MUL;
            case DIV -> BinaryOp.DIV;
            default -> null;
        };
        if (kernelOp == null) return Choice.reference("no fast kernel for " + op.opType());
        if (!v.staticFloat(0, 1)) return Choice.reference("not float32 with static shapes");
        Shape y = v.out(0);
        boolean aBig = v.in(0).equals(y);
        int small = aBig ? 1 : 0;
        if (!aBig && !v.in(1).equals(y)) return Choice.reference("neither operand has the output's shape");
        long[] block = Broadcast.block(v.in(small), y);
        if (block == null) return Choice.reference("broadcast of " + v.in(small) + " to " + y + " is not planned");
        int outer = (int) block[0];
        int channels = (int) block[1];
        int inner = (int) block[2];
        return Choice.fast(v.kernels().elementwise().name(), op.opType() + " [" + outer + ", " + channels + ", "
                + inner + "]", p -> new BinaryStep(v.kernels().elementwise(), kernelOp, outer, channels, inner,
                small == 0, v.read(1 - small), v.read(small), v.write(0)));
    }

    static Choice softmax(NodeView v, Softmax op) {
        if (op.function() == SoftmaxFunction.HARDMAX) return Choice.reference("no fast kernel for Hardmax");
        if (!v.staticFloat(0)) return Choice.reference("not float32 with static shapes");
        Shape x = v.in(0);
        int rank = x.rank();
        int axis = (int) (op.axis() < 0 ? op.axis() + rank : op.axis());
        if (rank == 0 || x.size() == 0) return Choice.reference("empty or scalar input");
        if (!op.coerce2d() && axis != rank - 1) return Choice.reference("softmax over a non-last axis");
        long cols = 1;
        for (int i = axis; i < rank; i++) cols *= x.dim(i);
        int c = (int) cols;
        int rows = (int) (x.size() / cols);
        boolean log = op.function() == SoftmaxFunction.LOG_SOFTMAX;
        return Choice.fast(v.kernels().elementwise().name(), op.opType() + " of " + rows + " rows",
                p -> new SoftmaxStep(v.kernels().elementwise(), log, rows, c, v.read(0), v.write(0), v.workers()));
    }

    static Choice batchNorm(NodeView v, BatchNormalization op) {
        if (op.usesBatchStatistics()) return Choice.reference("training mode");
        for (int o = 1; o < v.node().outputs().size(); o++) {
            if (!v.node().output(o).isEmpty()) return Choice.reference("running statistics requested");
        }
        if (!v.staticFloat(0, 1, 2, 3, 4)) return Choice.reference("not float32 with static shapes");
        Shape x = v.in(0);
        if (x.rank() < 2) return Choice.reference("expected [N, C, ...]");
        int c = (int) x.dim(1);
        Tensor[] p = new Tensor[4];
        for (int i = 0; i < 4; i++) {
            p[i] = v.constant(i + 1);
            if (p[i] == null || p[i].size() != c) return Choice.reference("parameters are not constant [C] vectors");
        }
        ScaleShift map = ScaleShift.ofBatchNorm(c, p[0].floats(), 0, p[1].floats(), 0, p[2].floats(), 0,
                p[3].floats(), 0, op.epsilon());
        int outer = (int) x.dim(0);
        int inner = (int) (x.size() / Math.max(1L, (long) outer * c));
        return Choice.fast(v.kernels().elementwise().name(), "inference BatchNorm as scale and shift",
                pb -> new ScaleShiftStep(v.kernels().elementwise(), map, outer, inner, v.read(0), v.write(0)));
    }
}
