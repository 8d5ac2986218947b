package dev.slim4j.ir.pass;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes nodes none of whose outputs reach a graph output, and the value_info of the values they
 * produced. Initializers stay (see {@link EliminateUnusedInitializers}).
 */
public final class EliminateDeadNodes implements Pass {
    @Override public Graph apply(Graph graph) {
        Map<String, Node> producer = new HashMap<>();
        for (Node n : graph.nodes()) for (String o : n.outputs()) if (!o.isEmpty()) producer.put(o, n);
        Set<Node> liveNodes = new HashSet<>();
        ArrayDeque<String> pending = new ArrayDeque<>();
        for (Value v : graph.outputs()) pending.add(v.name());
        while (!pending.isEmpty()) { // works in any node order, not only topological
            Node n = producer.get(pending.poll());
            if (n != null && liveNodes.add(n)) pending.addAll(n.inputs());
        }
        List<Node> kept = new ArrayList<>();
        for (Node n : graph.nodes()) if (liveNodes.contains(n)) kept.add(n);
        if (kept.size() == graph.nodes().size()) return graph;
        Graph.Builder b = graph.toBuilder().nodes(kept);
        Set<String> produced = new HashSet<>();
        for (Node n : kept) produced.addAll(n.outputs());
        b.valueInfo.keySet().removeIf(name -> !produced.contains(name) && !graph.initializers().containsKey(name)
                && graph.inputs().stream().noneMatch(v -> v.name().equals(name)));
        return b.build();
    }
}
