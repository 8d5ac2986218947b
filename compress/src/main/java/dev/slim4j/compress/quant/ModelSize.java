package dev.slim4j.compress.quant;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.op.Cast;
import dev.slim4j.ir.op.DequantizeLinear;
import dev.slim4j.tensor.Tensor;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Bytes a model stores: all initializers, and the weights (input 1) of Conv, Gemm, MatMul and their
 * integer forms ConvInteger and MatMulInteger alone,
 * counted through a DequantizeLinear or Cast in front of them with the scales and zero points they read.
 */
public record ModelSize(long initializerBytes, long weightBytes) {
    /** Ops whose input 1 is a weight. */
    private static final Set<String> WEIGHTED = Set.of("Conv", "Gemm", "MatMul", "ConvInteger", "MatMulInteger");

    public static ModelSize of(Model m) {
        Graph g = m.graph();
        long all = 0;
        for (Tensor t : g.initializers().values()) all += bytes(t);
        Set<String> weights = new LinkedHashSet<>();
        for (Node n : g.nodes()) {
            String type = n.op().opType();
            if (!WEIGHTED.contains(type) || n.input(1).isEmpty()) continue;
            String w = n.input(1);
            if (g.initializers().containsKey(w)) {
                weights.add(w);
                continue;
            }
            g.producer(w).filter(p -> p.op() instanceof DequantizeLinear || p.op() instanceof Cast)
                    .ifPresent(p -> p.inputs().stream().filter(g.initializers()::containsKey).forEach(weights::add));
        }
        long weightBytes = 0;
        for (String w : weights) weightBytes += bytes(g.initializers().get(w));
        return new ModelSize(all, weightBytes);
    }

    private static long bytes(Tensor t) { return t.size() * t.dtype().byteSize(); }
}
