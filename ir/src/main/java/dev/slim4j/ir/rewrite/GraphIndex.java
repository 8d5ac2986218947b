package dev.slim4j.ir.rewrite;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.TensorType;
import dev.slim4j.ir.Value;
import dev.slim4j.tensor.Tensor;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Lookups over one graph for matching: producers, read counts, constants, types, and fresh names. */
public final class GraphIndex {
    private final Graph graph;
    private final Map<String, Node> producers = new HashMap<>();
    private final Map<String, Integer> reads = new HashMap<>();
    private final Set<String> outputs = new HashSet<>();
    private final Set<String> inputs = new HashSet<>();
    private final Set<String> names = new HashSet<>();

    public GraphIndex(Graph graph) {
        this.graph = graph;
        for (Node n : graph.nodes()) {
            for (String out : n.outputs()) if (!out.isEmpty()) producers.put(out, n);
            for (String in : n.inputs()) if (!in.isEmpty()) reads.merge(in, 1, Integer::sum);
            names.add(n.name());
            names.addAll(n.outputs());
        }
        for (Value v : graph.outputs()) outputs.add(v.name());
        for (Value v : graph.inputs()) inputs.add(v.name());
        names.addAll(inputs);
        names.addAll(graph.initializers().keySet());
        names.addAll(graph.valueInfo().keySet());
    }

    public Graph graph() { return graph; }

    public Optional<Node> producer(String value) { return Optional.ofNullable(producers.get(value)); }

    /** How many node inputs read {@code value} (a node reading it twice counts twice). */
    public int readCount(String value) { return reads.getOrDefault(value, 0); }

    public boolean isGraphOutput(String value) { return outputs.contains(value); }

    /** True when the node's first output is read exactly once, is no graph output, and its other outputs are unused. */
    public boolean usedOnlyOnce(Node n) {
        for (int i = 0; i < n.outputs().size(); i++) {
            String out = n.output(i);
            if (out.isEmpty()) continue;
            if (outputs.contains(out) || readCount(out) != (i == 0 ? 1 : 0)) return false;
        }
        return true;
    }

    /** The value of an initializer no graph input shadows. */
    public Optional<Tensor> constant(String value) {
        if (value.isEmpty() || inputs.contains(value)) return Optional.empty();
        return Optional.ofNullable(graph.initializers().get(value));
    }

    public boolean isConstant(String value) { return constant(value).isPresent(); }

    public Optional<TensorType> type(String value) { return value.isEmpty() ? Optional.empty() : graph.typeOf(value); }

    /** A name used nowhere in the graph nor returned before: {@code base}, else base_1, base_2... */
    public String freshName(String base) {
        String n = base;
        for (int k = 1; names.contains(n); k++) n = base + "_" + k;
        names.add(n);
        return n;
    }
}
