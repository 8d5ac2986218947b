package dev.slim4j.runtime;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Topological order of a graph's nodes (stable: file order among ready nodes) and last uses of values. */
final class ExecutionOrder {
    private ExecutionOrder() {}

    /** Kahn's algorithm; fails naming a node on a cycle or on an input nobody produces. */
    static List<Node> of(Graph g) {
        Set<String> available = new HashSet<>(g.initializers().keySet());
        for (Value v : g.inputs()) available.add(v.name());
        Map<String, Integer> producerIndex = new HashMap<>();
        List<Node> nodes = g.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            for (String o : nodes.get(i).outputs()) if (!o.isEmpty()) producerIndex.put(o, i);
        }
        int[] pending = new int[nodes.size()];
        Map<String, List<Integer>> readers = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            for (String in : new HashSet<>(nodes.get(i).inputs())) {
                if (in.isEmpty() || available.contains(in)) continue;
                if (!producerIndex.containsKey(in)) {
                    throw new IllegalArgumentException("node " + nodes.get(i).describe() + " reads '" + in
                            + "', which no node, input or initializer produces");
                }
                pending[i]++;
                readers.computeIfAbsent(in, k -> new ArrayList<>()).add(i);
            }
        }
        ArrayDeque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < nodes.size(); i++) if (pending[i] == 0) ready.add(i);
        List<Node> order = new ArrayList<>(nodes.size());
        while (!ready.isEmpty()) {
            int i = ready.poll();
            order.add(nodes.get(i));
            for (String o : nodes.get(i).outputs()) {
                for (int r : readers.getOrDefault(o, List.of())) if (--pending[r] == 0) ready.add(r);
            }
        }
        if (order.size() != nodes.size()) {
            for (int i = 0; i < nodes.size(); i++) {
                if (pending[i] > 0) {
                    throw new IllegalArgumentException("graph has a cycle through node " + nodes.get(i).describe());
                }
            }
        }
        return order;
    }

    /** For each value, the index in {@code order} of the last node that reads it. */
    static Map<String, Integer> lastUses(Graph g, List<Node> order) {
        Map<String, Integer> last = new HashMap<>();
        for (int i = 0; i < order.size(); i++) for (String in : order.get(i).inputs()) last.put(in, i);
        for (Value out : g.outputs()) last.remove(out.name());
        return last;
    }
}
