package dev.slim4j.ir.pass;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes nodes none of whose outputs reach a graph output, and the value_info of the values they
 * produced. Initializers stay (see {@link EliminateUnusedInitializers}).
 */
public final class EliminateDeadNodes implements Pass {
    @Override public Graph apply(Graph graph) {
        Set<String> live = new HashSet<>();
        for (Value v : graph.outputs()) live.add(v.name());
        List<Node> kept = new ArrayList<>();
        for (Node n : graph.nodes().reversed()) {
            if (n.outputs().stream().noneMatch(live::contains)) continue;
            kept.add(n);
            live.addAll(n.inputs());
        }
        if (kept.size() == graph.nodes().size()) return graph;
        Graph.Builder b = graph.toBuilder().nodes(kept.reversed());
        Set<String> produced = new HashSet<>();
        for (Node n : kept) produced.addAll(n.outputs());
        b.valueInfo.keySet().removeIf(name -> !produced.contains(name) && !graph.initializers().containsKey(name)
                && graph.inputs().stream().noneMatch(v -> v.name().equals(name)));
        return b.build();
    }
}
