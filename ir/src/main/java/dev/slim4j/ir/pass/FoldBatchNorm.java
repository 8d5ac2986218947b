package dev.slim4j.ir.pass;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.TensorType;
import dev.slim4j.ir.op.BatchNormalization;
import dev.slim4j.ir.op.Conv;
import dev.slim4j.ir.op.Gemm;
import dev.slim4j.ir.op.MatMul;
import dev.slim4j.ir.op.Op;
import dev.slim4j.ir.rewrite.GraphIndex;
import dev.slim4j.ir.rewrite.Match;
import dev.slim4j.ir.rewrite.Pattern;
import dev.slim4j.ir.rewrite.Rewrite;
import dev.slim4j.ir.rewrite.Rule;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Folds an inference BatchNormalization into the float32 Conv (any group, with or without bias),
 * Gemm or MatMul (2-D input, constant 2-D weight; it becomes a Gemm) producing its input: the weights
 * are scaled per output channel and the bias shifted, as new initializers (the old ones stay for
 * {@link EliminateUnusedInitializers}). The producer's output must be read by the normalization alone.
 */
public final class FoldBatchNorm implements Pass {
    private static final ApplyRewrites REWRITES = new ApplyRewrites("FoldBatchNorm", List.of(
            new Rule("BatchNormalization after Conv", after("conv", Conv.class), FoldBatchNorm::intoConv),
            new Rule("BatchNormalization after Gemm", after("gemm", Gemm.class), FoldBatchNorm::intoGemm),
            new Rule("BatchNormalization after MatMul", after("matmul", MatMul.class), FoldBatchNorm::intoMatMul)));

    @Override public Graph apply(Graph graph) { return REWRITES.apply(graph); }

    private static Pattern after(String label, Class<? extends Op> producer) {
        return Pattern.op("bn", BatchNormalization.class).where(FoldBatchNorm::onlyFirstOutputUsed)
                .input(0, Pattern.op(label, producer).singleUse().where(FuseActivation::float32Output));
    }

    private static boolean onlyFirstOutputUsed(Node bn, GraphIndex g) {
        for (int i = 1; i < bn.outputs().size(); i++) {
            String out = bn.output(i);
            if (!out.isEmpty() && (g.readCount(out) > 0 || g.isGraphOutput(out))) return false;
        }
        return true;
    }

    private static Optional<Rewrite> intoConv(Match m, GraphIndex g) {
        Node conv = m.node("conv");
        Optional<Tensor> w = g.constant(conv.input(1)).filter(FoldBatchNorm::isFloat);
        String bias = conv.input(2);
        Optional<Tensor> b = g.constant(bias).filter(FoldBatchNorm::isFloat).filter(t -> t.rank() == 1);
        Optional<BatchNormScale> bn = BatchNormScale.of(m.root(), g);
        if (w.isEmpty() || bn.isEmpty() || w.get().shape().dim(0) != bn.get().channels()) return Optional.empty();
        if (!bias.isEmpty() && (b.isEmpty() || b.get().size() != bn.get().channels())) return Optional.empty();
        String wName = g.freshName(conv.input(1) + "_bn");
        String bName = g.freshName(conv.input(2).isEmpty() ? conv.name() + ".bias_bn" : conv.input(2) + "_bn");
        Map<String, Tensor> inits = new LinkedHashMap<>();
        inits.put(wName, bn.get().scaleAlong(w.get(), 0));
        inits.put(bName, bn.get().bias(b.map(FoldBatchNorm::values).orElse(null)));
        return Rewrite.of(new Node(conv.name(), conv.op(), List.of(conv.input(0), wName, bName), m.root().outputs()
                .subList(0, 1)), inits);
    }

    private static Optional<Rewrite> intoGemm(Match m, GraphIndex g) {
        Node gemm = m.node("gemm");
        Gemm op = (Gemm) gemm.op();
        Optional<Tensor> w = g.constant(gemm.input(1)).filter(FoldBatchNorm::isFloat).filter(t -> t.rank() == 2);
        Optional<BatchNormScale> bn = BatchNormScale.of(m.root(), g);
        if (w.isEmpty() || bn.isEmpty()) return Optional.empty();
        int axis = op.transB() != 0 ? 0 : 1;
        int n = bn.get().channels();
        if (w.get().shape().dim(axis) != n) return Optional.empty();
        Optional<double[]> c = gemm.input(2).isEmpty() ? Optional.of(new double[n]) : rowBias(gemm.input(2), n, g);
        if (c.isEmpty()) return Optional.empty();
        for (int i = 0; i < n; i++) c.get()[i] *= op.beta();
        Gemm folded = new Gemm(op.alpha(), 1f, op.transA(), op.transB(), op.broadcast().map(v -> 1L));
        return gemm(m, gemm.name(), folded, gemm.input(0), bn.get().scaleAlong(w.get(), axis),
                bn.get().bias(c.get()), g);
    }

    private static Optional<Rewrite> intoMatMul(Match m, GraphIndex g) {
        Node mm = m.node("matmul");
        Optional<Tensor> w = g.constant(mm.input(1)).filter(FoldBatchNorm::isFloat).filter(t -> t.rank() == 2);
        Optional<BatchNormScale> bn = BatchNormScale.of(m.root(), g);
        boolean matrixInput = g.type(mm.input(0)).filter(TensorType::hasRank).map(t -> t.rank() == 2).orElse(false);
        if (w.isEmpty() || bn.isEmpty() || !matrixInput || w.get().shape().dim(1) != bn.get().channels()) {
            return Optional.empty();
        }
        return gemm(m, mm.name(), new Gemm(1f, 1f, 0, 0, Optional.empty()), mm.input(0),
                bn.get().scaleAlong(w.get(), 1), bn.get().bias(null), g);
    }

    private static Optional<Rewrite> gemm(Match m, String name, Gemm op, String a, Tensor w, Tensor c, GraphIndex g) {
        String wName = g.freshName(name + ".weight_bn");
        String cName = g.freshName(name + ".bias_bn");
        Map<String, Tensor> inits = new LinkedHashMap<>();
        inits.put(wName, w);
        inits.put(cName, c);
        return Rewrite.of(new Node(name, op, List.of(a, wName, cName), m.root().outputs().subList(0, 1)), inits);
    }

    private static boolean isFloat(Tensor t) { return t.dtype() == DType.FLOAT32; }

    /** A Gemm C that is the same for every row (scalar, [1], [N], [1, 1] or [1, N]) as [N] values. */
    private static Optional<double[]> rowBias(String input, int n, GraphIndex g) {
        Optional<Tensor> t = g.constant(input).filter(FoldBatchNorm::isFloat);
        if (t.isEmpty() || t.get().rank() > 2 || t.get().rank() == 2 && t.get().shape().dim(0) != 1) return Optional.empty();
        long size = t.get().size();
        if (size != 1 && size != n) return Optional.empty();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = t.get().getDouble(size == 1 ? 0 : i);
        return Optional.of(out);
    }

    private static double[] values(Tensor t) {
        double[] v = new double[(int) t.size()];
        for (int i = 0; i < v.length; i++) v[i] = t.getDouble(i);
        return v;
    }
}
