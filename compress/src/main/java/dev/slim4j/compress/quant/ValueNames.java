package dev.slim4j.compress.quant;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.Value;
import java.util.HashSet;
import java.util.Set;

/** Fresh value and node names for a rewritten graph: {@code base}, or {@code base_1}, {@code base_2}... when taken. */
final class ValueNames {
    private final Set<String> used = new HashSet<>();

    ValueNames(Graph g) {
        g.inputs().forEach(v -> used.add(v.name()));
        g.outputs().stream().map(Value::name).forEach(used::add);
        used.addAll(g.initializers().keySet());
        for (Node n : g.nodes()) {
            used.add(n.name());
            used.addAll(n.outputs());
        }
    }

    String fresh(String base) {
        String n = base;
        for (int k = 1; used.contains(n); k++) n = base + "_" + k;
        used.add(n);
        return n;
    }
}
