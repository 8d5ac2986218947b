package dev.slim4j.runtime.reference;

import dev.slim4j.ir.op.AveragePool;
import dev.slim4j.ir.op.BatchNormalization;
import dev.slim4j.ir.op.Conv;
import dev.slim4j.ir.op.ConvTranspose;
import dev.slim4j.ir.op.FusedConv;
import dev.slim4j.ir.op.FusedGemm;
import dev.slim4j.ir.op.Gemm;
import dev.slim4j.ir.op.GlobalAveragePool;
import dev.slim4j.ir.op.GlobalMaxPool;
import dev.slim4j.ir.op.InstanceNormalization;
import dev.slim4j.ir.op.LRN;
import dev.slim4j.ir.op.LpNormalization;
import dev.slim4j.ir.op.MatMul;
import dev.slim4j.ir.op.MaxPool;
import dev.slim4j.ir.op.NnOp;
import dev.slim4j.tensor.Tensor;
import java.util.List;

/** Reference semantics of the neural-network layer family. */
final class NnReference {
    private NnReference() {}

    static List<Tensor> evaluate(NnOp op, List<Tensor> in, int outputCount) {
        return switch (op) {
            case Conv c -> List.of(ConvReference.conv(c, in.get(0), in.get(1), optional(in, 2)));
            case ConvTranspose c -> List.of(ConvReference.convTranspose(c, in.get(0), in.get(1), optional(in, 2)));
            case MatMul m -> List.of(MatrixReference.matMul(in.get(0), in.get(1)));
            case Gemm g -> List.of(MatrixReference.gemm(g, in.get(0), in.get(1), optional(in, 2)));
            case MaxPool p -> PoolReference.maxPool(p, in.get(0), outputCount);
            case AveragePool p -> List.of(PoolReference.averagePool(p, in.get(0)));
            case GlobalAveragePool p -> List.of(PoolReference.global("GlobalAveragePool", in.get(0), false));
            case GlobalMaxPool p -> List.of(PoolReference.global("GlobalMaxPool", in.get(0), true));
            case BatchNormalization b -> NormalizationReference.batchNormalization(b, in, outputCount);
            case InstanceNormalization n ->
                    List.of(NormalizationReference.instanceNormalization(n, in.get(0), in.get(1), in.get(2)));
            case LRN l -> List.of(NormalizationReference.lrn(l, in.get(0)));
            case LpNormalization l -> List.of(NormalizationReference.lpNormalization(l, in.get(0)));
            case FusedConv f -> List.of(FusedReference.epilogue(
                    ConvReference.conv(f.conv(), in.get(0), in.get(1), optional(in, 2)), optional(in, 3), f.activation()));
            case FusedGemm f -> List.of(FusedReference.epilogue(
                    MatrixReference.gemm(f.gemm(), in.get(0), in.get(1), optional(in, 2)), null, f.activation()));
        };
    }

    private static Tensor optional(List<Tensor> in, int i) { return i < in.size() ? in.get(i) : null; }
}
