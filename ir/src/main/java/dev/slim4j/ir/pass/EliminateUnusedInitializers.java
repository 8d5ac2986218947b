package dev.slim4j.ir.pass;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.Value;
import java.util.HashSet;
import java.util.Set;

/**
 * Removes initializers that no node reads and that are neither graph outputs nor graph inputs
 * (an initializer shadowing an input is a default the caller may override, so it stays).
 */
public final class EliminateUnusedInitializers implements Pass {
    @Override public Graph apply(Graph graph) {
        Set<String> used = new HashSet<>();
        for (Node n : graph.nodes()) used.addAll(n.inputs());
        for (Value v : graph.outputs()) used.add(v.name());
        for (Value v : graph.inputs()) used.add(v.name());
        if (used.containsAll(graph.initializers().keySet())) return graph;
        Graph.Builder b = graph.toBuilder();
        b.initializers.keySet().retainAll(used);
        b.trainable.retainAll(used);
        return b.build();
    }
}
