package dev.slim4j.runtime.plan;

import dev.slim4j.ir.op.AveragePool;
import dev.slim4j.ir.op.BatchNormalization;
import dev.slim4j.ir.op.Binary;
import dev.slim4j.ir.op.Clip;
import dev.slim4j.ir.op.Concat;
import dev.slim4j.ir.op.Conv;
import dev.slim4j.ir.op.DequantizeLinear;
import dev.slim4j.ir.op.Dropout;
import dev.slim4j.ir.op.Flatten;
import dev.slim4j.ir.op.FusedConv;
import dev.slim4j.ir.op.FusedGemm;
import dev.slim4j.ir.op.Gemm;
import dev.slim4j.ir.op.GlobalAveragePool;
import dev.slim4j.ir.op.GlobalMaxPool;
import dev.slim4j.ir.op.HardSigmoid;
import dev.slim4j.ir.op.Identity;
import dev.slim4j.ir.op.LeakyRelu;
import dev.slim4j.ir.op.MatMul;
import dev.slim4j.ir.op.MaxPool;
import dev.slim4j.ir.op.QLinearConv;
import dev.slim4j.ir.op.QLinearMatMul;
import dev.slim4j.ir.op.QuantizeLinear;
import dev.slim4j.ir.op.Reshape;
import dev.slim4j.ir.op.Slice;
import dev.slim4j.ir.op.Softmax;
import dev.slim4j.ir.op.Squeeze;
import dev.slim4j.ir.op.Transpose;
import dev.slim4j.ir.op.Unary;
import dev.slim4j.ir.op.Unsqueeze;
import dev.slim4j.kernels.Activation;

/**
 * The explicit kernel-selection rule of every node: which fast kernel runs it, or why the reference op does.
 * One line per op here; the conditions live in the rule classes ({@link ConvRule}, {@link GemmRule},
 * {@link PoolRule}, {@link ElementwiseRule}, {@link LayoutRule}, {@link CopyRule}, {@link Int8Rule}).
 */
final class NodeRules {
    private NodeRules() {}

    static Choice select(NodeView v) {
        return switch (v.node().op()) {
            case Conv c -> ConvRule.select(v, c, Activation.none());
            case FusedConv f -> ConvRule.select(v, f.conv(), Activations.toKernel(f.activation()));
            case Gemm g -> GemmRule.gemm(v, g, Activation.none());
            case FusedGemm f -> GemmRule.gemm(v, f.gemm(), Activations.toKernel(f.activation()));
            case MatMul m -> GemmRule.matMul(v);
            case MaxPool m -> PoolRule.maxPool(v, m);
            case AveragePool a -> PoolRule.averagePool(v, a);
            case GlobalAveragePool g -> PoolRule.global(v, PoolStep.Kind.GLOBAL_AVERAGE);
            case GlobalMaxPool g -> PoolRule.global(v, PoolStep.Kind.GLOBAL_MAX);
            case Unary u -> ElementwiseRule.unary(v, u);
            case LeakyRelu l -> ElementwiseRule.activation(v, Activation.leakyRelu(l.alpha()));
            case HardSigmoid h -> ElementwiseRule.activation(v, Activation.hardSigmoid(h.alpha(), h.beta()));
            case Clip c -> ElementwiseRule.clip(v, c);
            case Binary b -> ElementwiseRule.binary(v, b);
            case Softmax s -> ElementwiseRule.softmax(v, s);
            case BatchNormalization b -> ElementwiseRule.batchNorm(v, b);
            case Reshape r -> LayoutRule.view(v);
            case Flatten f -> LayoutRule.view(v);
            case Squeeze s -> LayoutRule.view(v);
            case Unsqueeze u -> LayoutRule.view(v);
            case Identity i -> LayoutRule.view(v);
            case Dropout d -> LayoutRule.dropout(v);
            case Transpose t -> CopyRule.transpose(v, t);
            case Slice s -> CopyRule.slice(v, s);
            case Concat c -> CopyRule.concat(v, c);
            case QLinearConv q -> Int8Rule.qLinearConv(v, q);
            case QLinearMatMul q -> Int8Rule.qLinearMatMul(v);
            case QuantizeLinear q -> Int8Rule.quantize(v);
            case DequantizeLinear d -> Int8Rule.dequantize(v);
            default -> Choice.reference("no fast kernel for " + v.node().op().opType());
        };
    }
}
