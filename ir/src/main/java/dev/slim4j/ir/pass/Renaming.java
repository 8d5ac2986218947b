package dev.slim4j.ir.pass;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.Value;
import java.util.List;
import java.util.Map;

/** Replaces value names throughout a graph's nodes and outputs (readers and producers alike). */
final class Renaming {
    private Renaming() {}

    static Graph apply(Graph g, Map<String, String> renames) {
        if (renames.isEmpty()) return g;
        Graph.Builder b = g.toBuilder();
        b.nodes.replaceAll(n -> new Node(n.name(), n.op(), rename(n.inputs(), renames), rename(n.outputs(), renames),
                n.raw()));
        b.outputs.replaceAll(v -> new Value(renames.getOrDefault(v.name(), v.name()), v.type()));
        for (Map.Entry<String, String> e : renames.entrySet()) {
            var t = b.valueInfo.remove(e.getKey());
            if (t != null) b.valueInfo.putIfAbsent(e.getValue(), t);
        }
        return b.build();
    }

    private static List<String> rename(List<String> names, Map<String, String> renames) {
        return names.stream().map(s -> resolve(s, renames)).toList();
    }

    /** Follows chains (a -> b -> c) so removing consecutive identities works in one pass. */
    static String resolve(String name, Map<String, String> renames) {
        String r = name;
        for (int guard = 0; renames.containsKey(r) && guard <= renames.size(); guard++) r = renames.get(r);
        return r;
    }
}
