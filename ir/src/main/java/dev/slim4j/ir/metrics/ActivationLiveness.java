package dev.slim4j.ir.metrics;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.TensorType;
import dev.slim4j.ir.Value;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Estimated peak activation memory: nodes run in graph order; the fed inputs are live from the
 * start; each node's outputs are allocated while its inputs are still live; a value is freed
 * after its last reader; graph outputs stay live to the end. Activations are every runtime input
 * and node output except the outputs of Constant nodes (those are weights). No buffer reuse
 * within an op, no in-place ops: the estimate is what a liveness-based planner could reach.
 */
final class ActivationLiveness {
    private final Graph graph;
    private final ShapePropagation shapes;
    private int unknownSizes;

    private ActivationLiveness(Graph graph, ShapePropagation shapes) {
        this.graph = graph;
        this.shapes = shapes;
    }

    /** The peak and the number of activations whose size is unknown (counted as 0). */
    record Peak(long bytes, int unknownSizes) {}

    static Peak of(Graph graph, ShapePropagation shapes) {
        ActivationLiveness a = new ActivationLiveness(graph, shapes);
        long peak = a.peak();
        return new Peak(peak, a.unknownSizes);
    }

    private long peak() {
        Map<String, Integer> lastUse = lastUses();
        Set<String> activations = new HashSet<>();
        long live = 0;
        for (Value v : graph.runtimeInputs()) {
            if (activations.add(v.name())) live += size(v.name());
        }
        long peak = live;
        for (Value v : graph.runtimeInputs()) {
            if (!lastUse.containsKey(v.name())) live -= size(v.name());
        }
        for (int step = 0; step < graph.nodes().size(); step++) {
            Node n = graph.nodes().get(step);
            boolean constant = n.op().opType().equals("Constant") && n.op().domain().isEmpty();
            for (String out : new LinkedHashSet<>(n.outputs())) {
                if (out.isEmpty() || constant || !activations.add(out)) continue;
                live += size(out);
            }
            peak = Math.max(peak, live);
            live -= freedAfter(step, n, lastUse, activations);
        }
        return peak;
    }

    private long freedAfter(int step, Node n, Map<String, Integer> lastUse, Set<String> activations) {
        long freed = 0;
        Set<String> seen = new HashSet<>();
        for (String in : n.inputs()) {
            if (activations.contains(in) && seen.add(in) && lastUse.get(in) == step) freed += size(in);
        }
        for (String out : n.outputs()) {
            if (activations.contains(out) && seen.add(out) && !lastUse.containsKey(out)) freed += size(out);
        }
        return freed;
    }

    /** Last step reading each value; graph outputs are read "after the end". */
    private Map<String, Integer> lastUses() {
        Map<String, Integer> last = new HashMap<>();
        for (int step = 0; step < graph.nodes().size(); step++) {
            for (String in : graph.nodes().get(step).inputs()) if (!in.isEmpty()) last.put(in, step);
        }
        for (Value v : graph.outputs()) last.put(v.name(), Integer.MAX_VALUE);
        return last;
    }

    private final Map<String, Long> sizes = new HashMap<>();

    private long size(String value) {
        return sizes.computeIfAbsent(value, v -> {
            TensorType t = shapes.type(v).orElse(null);
            if (t == null || !t.isStatic()) {
                unknownSizes++;
                return 0L;
            }
            return Math.multiplyExact(t.shape().size(), (long) t.dtype().byteSize());
        });
    }
}
