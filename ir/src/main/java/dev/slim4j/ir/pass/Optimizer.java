package dev.slim4j.ir.pass;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.op.FusedConv;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The standard inference pipeline (for slim4j's runtime, QDQ patterns first lowered to integer ops): clean-ups (identities, constants, transposes, reshapes), then
 * fusions (MatMul+Add into Gemm, batch norm into weights, residual adds and activations into
 * FusedConv / FusedGemm), then dead code and unused initializers. The rewriting passes repeat until
 * a round changes nothing. Types are inferred first, since several rewrites check shapes.
 */
public final class Optimizer {
    /** Rounds of the whole rewrite list at most; each round runs every pass to its own fixpoint. */
    static final int MAX_ROUNDS = 8;

    private final List<Pass> rewrites;

    private Optimizer(List<Pass> rewrites) { this.rewrites = List.copyOf(rewrites); }

    /** Every fusion slim4j's runtime executes, HardSwish included; {@code evaluator} folds constants. */
    public static Optimizer standard(OpEvaluator evaluator) {
        List<Pass> all = new java.util.ArrayList<>(List.of(new FoldQdqIntoIntegerOps()));
        all.addAll(passes(evaluator, new FuseActivation()));
        return new Optimizer(all);
    }

    /** The standard pipeline limited to what ONNX Runtime also loads (no HardSwish fused), for written models. */
    public static Optimizer portable(OpEvaluator evaluator) {
        return new Optimizer(passes(evaluator, FuseActivation.onnxRuntimeCompatible()));
    }

    /** A pipeline of these rewriting passes. */
    public static Optimizer of(List<Pass> rewrites) { return new Optimizer(rewrites); }

    private static List<Pass> passes(OpEvaluator evaluator, FuseActivation activations) {
        return List.of(new EliminateIdentity(), new FoldConstants(evaluator), new EliminateTransposes(),
                new EliminateReshapes(), new FuseMatMulAdd(), new FoldBatchNorm(), new FuseResidualAdd(), activations,
                new EliminateDeadNodes(), new EliminateUnusedInitializers());
    }

    public List<Pass> passes() { return rewrites; }

    /** The optimized graph, with types inferred at the default opsets. */
    public Graph optimize(Graph graph) { return optimize(graph, new InferShapes()); }

    /**
     * The optimized model: types inferred at the model's opsets, and the com.microsoft domain
     * imported (opset 1) when the result uses its fused ops.
     */
    public Model optimize(Model model) {
        ToLongFunction<String> opsets = domain -> importedOr(model, domain);
        Graph g = optimize(model.graph(), new InferShapes(opsets));
        if (g == model.graph()) return model;
        return withFusedDomain(model.withGraph(g));
    }

    private Graph optimize(Graph graph, InferShapes types) {
        Graph start = types.apply(new TopologicalSort().apply(graph)); // the rewrites read producers before consumers
        Graph g = start;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Graph before = g;
            for (Pass p : rewrites) g = p.apply(g);
            if (g == before) break;
        }
        return g == start ? graph : g;
    }

    private static long importedOr(Model model, String domain) {
        String d = domain.equals("ai.onnx") ? "" : domain;
        Long v = model.opsetImports().get(d);
        return v != null ? v : d.isEmpty() ? model.opset("") : 1;
    }

    /** {@code model} importing com.microsoft opset 1 if a node uses that domain and it is not imported yet. */
    public static Model withFusedDomain(Model model) {
        boolean uses = model.graph().nodes().stream().map(Node::op).anyMatch(op -> op.domain().equals(FusedConv.DOMAIN));
        if (!uses || model.opsetImports().containsKey(FusedConv.DOMAIN)) return model;
        LinkedHashMap<String, Long> opsets = new LinkedHashMap<>(model.opsetImports());
        opsets.put(FusedConv.DOMAIN, 1L);
        return new Model(model.graph(), model.irVersion(), opsets, model.producerName(), model.producerVersion(),
                model.domain(), model.modelVersion(), model.docString(), model.metadata(), model.raw());
    }

    /** Node counts per op type ("domain::Op" outside the default domain), in first-seen order. */
    public static LinkedHashMap<String, Integer> opCounts(Graph g) {
        LinkedHashMap<String, Integer> counts = new LinkedHashMap<>();
        for (Node n : g.nodes()) {
            String d = n.op().domain();
            counts.merge(d.isEmpty() ? n.op().opType() : d + "::" + n.op().opType(), 1, Integer::sum);
        }
        return counts;
    }
}
