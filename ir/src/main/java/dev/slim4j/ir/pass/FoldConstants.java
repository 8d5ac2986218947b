package dev.slim4j.ir.pass;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.Value;
import dev.slim4j.ir.op.UnsupportedOpException;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates nodes whose inputs are all constant (initializers not shadowed by graph inputs, and
 * outputs of nodes folded before) with an {@link OpEvaluator}, replacing each by initializers
 * holding its outputs. Random ops are never folded; an op the evaluator does not support stays.
 * {@link #preservingTrainable} leaves trainable initializers alone so training still sees them.
 * Initializers that become unused stay; {@link EliminateUnusedInitializers} removes them.
 */
public final class FoldConstants implements Pass {
    private static final Set<String> NONDETERMINISTIC = Set.of("RandomNormal", "RandomUniform", "RandomNormalLike",
            "RandomUniformLike", "Multinomial", "Bernoulli");

    private final OpEvaluator evaluator;
    private final boolean preserveTrainable;

    public FoldConstants(OpEvaluator evaluator) { this(evaluator, false); }

    private FoldConstants(OpEvaluator evaluator, boolean preserveTrainable) {
        this.evaluator = evaluator;
        this.preserveTrainable = preserveTrainable;
    }

    /** Folds only through initializers that are not trainable. */
    public static FoldConstants preservingTrainable(OpEvaluator evaluator) { return new FoldConstants(evaluator, true); }

    @Override public Graph apply(Graph graph) {
        Map<String, Tensor> known = constants(graph);
        LinkedHashMap<String, Tensor> folded = new LinkedHashMap<>();
        List<Node> kept = new ArrayList<>();
        for (Node n : graph.nodes()) {
            List<Tensor> values = foldable(n, known) ? evaluate(n, known) : null;
            if (values == null) {
                kept.add(n);
                continue;
            }
            for (int i = 0; i < n.outputs().size(); i++) {
                String out = n.output(i);
                if (out.isEmpty()) continue;
                known.put(out, values.get(i));
                folded.put(out, values.get(i));
            }
        }
        if (folded.isEmpty()) return graph;
        Graph.Builder b = graph.toBuilder().nodes(kept);
        b.initializers.putAll(folded);
        b.valueInfo.keySet().removeAll(folded.keySet());
        return b.build();
    }

    private Map<String, Tensor> constants(Graph g) {
        Map<String, Tensor> known = new HashMap<>(g.initializers());
        for (Value v : g.inputs()) known.remove(v.name());
        if (preserveTrainable) known.keySet().removeAll(g.trainable());
        return known;
    }

    private static boolean foldable(Node n, Map<String, Tensor> known) {
        if (NONDETERMINISTIC.contains(n.op().opType())) return false;
        for (String in : n.inputs()) if (!in.isEmpty() && !known.containsKey(in)) return false;
        return true;
    }

    /** The node's outputs, or null when the evaluator does not support its op. */
    private List<Tensor> evaluate(Node n, Map<String, Tensor> known) {
        List<Tensor> inputs = new ArrayList<>();
        for (String in : n.inputs()) inputs.add(in.isEmpty() ? null : known.get(in));
        List<Tensor> out;
        try {
            out = evaluator.evaluate(n.op(), inputs, n.outputs().size());
        } catch (UnsupportedOpException e) {
            return null;
        }
        if (out.size() < n.outputs().size()) {
            throw new IllegalStateException("FoldConstants: evaluating node " + n.describe() + " gave " + out.size()
                    + " outputs, expected " + n.outputs().size());
        }
        return out;
    }
}
