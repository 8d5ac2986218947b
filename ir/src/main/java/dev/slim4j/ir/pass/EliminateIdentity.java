package dev.slim4j.ir.pass;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.Value;
import dev.slim4j.ir.op.Identity;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes Identity nodes and inference-mode Dropout nodes (no training_mode input or a constant
 * false one, no mask read), making readers use the input instead. When the removed node's output
 * is a graph output, the producer of its input is renamed to keep the output's name; where that is
 * impossible (the input is a graph input, an initializer or another output) the node stays.
 */
public final class EliminateIdentity implements Pass {
    @Override public Graph apply(Graph graph) {
        Set<String> outputs = new HashSet<>();
        for (Value v : graph.outputs()) outputs.add(v.name());
        Set<String> produced = new HashSet<>();
        for (Node n : graph.nodes()) produced.addAll(n.outputs());
        Set<String> read = new HashSet<>();
        for (Node n : graph.nodes()) read.addAll(n.inputs());
        Map<String, String> renames = new LinkedHashMap<>();
        List<Node> kept = new ArrayList<>();
        for (Node n : graph.nodes()) {
            if (!isIdentity(n, graph, read, outputs)) {
                kept.add(n);
                continue;
            }
            String x = Renaming.resolve(n.input(0), renames);
            String y = n.output(0);
            if (!outputs.contains(y)) {
                renames.put(y, x);
            } else if (produced.contains(x) && !outputs.contains(x)) {
                renames.put(x, y);
            } else {
                kept.add(n);
            }
        }
        if (kept.size() == graph.nodes().size()) return graph;
        return Renaming.apply(graph.toBuilder().nodes(kept).build(), renames);
    }

    private static boolean isIdentity(Node n, Graph g, Set<String> read, Set<String> outputs) {
        if (n.inputs().isEmpty() || n.input(0).isEmpty() || n.output(0).isEmpty()) return false;
        if (n.op() instanceof Identity) return true;
        if (!n.op().opType().equals("Dropout") || !n.op().domain().isEmpty()) return false;
        for (int i = 1; i < n.outputs().size(); i++) {
            String mask = n.output(i);
            if (!mask.isEmpty() && (read.contains(mask) || outputs.contains(mask))) return false;
        }
        if (n.op().attributes().getInt("is_test", 1) == 0) return false;
        String training = n.input(2);
        if (training.isEmpty()) return true;
        Tensor t = g.initializers().get(training);
        boolean shadowed = g.inputs().stream().anyMatch(v -> v.name().equals(training));
        return t != null && !shadowed && t.size() == 1 && t.getDouble(0) == 0;
    }
}
