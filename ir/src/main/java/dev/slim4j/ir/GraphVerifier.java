package dev.slim4j.ir;

import dev.slim4j.tensor.ShapeException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Checks the rules every graph obeys between passes: each value is produced once (SSA); every
 * non-empty node input is a graph input, an initializer or an earlier node's output (nodes are in
 * topological order, and a cycle is named); every graph output is produced; and each op's inferred
 * output types agree with the declared ones (value_info, graph outputs) where both are known.
 */
public final class GraphVerifier {
    private GraphVerifier() {}

    /** Verifies with the default opsets; throws listing every problem. */
    public static void verify(Graph g) { verify(g, TypeInference.defaultOpsets()); }

    public static void verify(Model m) { verify(m.graph(), m::opset); }

    public static void verify(Graph g, ToLongFunction<String> opsets) {
        List<String> problems = problems(g, opsets);
        if (!problems.isEmpty()) throw new GraphVerificationException(g.name(), problems);
    }

    /** Every problem found, each naming the node and value concerned; empty for a valid graph. */
    public static List<String> problems(Graph g, ToLongFunction<String> opsets) {
        List<String> problems = new ArrayList<>();
        Map<String, String> producers = producers(g, problems);
        checkOrder(g, producers, problems);
        for (Value v : g.outputs()) {
            if (!producers.containsKey(v.name())) {
                problems.add("graph output '" + v.name() + "' is not produced by any input, initializer or node");
            }
        }
        if (problems.isEmpty()) checkTypes(g, opsets, problems);
        return problems;
    }

    /** Value name to what produces it, recording values produced twice. */
    private static Map<String, String> producers(Graph g, List<String> problems) {
        Map<String, String> producers = new HashMap<>();
        for (Value v : g.inputs()) {
            if (producers.put(v.name(), "graph input") != null) {
                problems.add("value '" + v.name() + "' is declared twice as a graph input");
            }
        }
        for (String name : g.initializers().keySet()) producers.putIfAbsent(name, "initializer");
        for (Node n : g.nodes()) {
            for (String out : n.outputs()) {
                if (out.isEmpty()) continue;
                String previous = producers.putIfAbsent(out, "node " + n.describe());
                if (previous != null) {
                    problems.add("value '" + out + "' is produced twice: by " + previous + " and by node " + n.describe());
                }
            }
        }
        return producers;
    }

    private static void checkOrder(Graph g, Map<String, String> producers, List<String> problems) {
        Set<String> defined = new HashSet<>(g.initializers().keySet());
        for (Value v : g.inputs()) defined.add(v.name());
        boolean outOfOrder = false;
        for (Node n : g.nodes()) {
            for (String in : n.inputs()) {
                if (in.isEmpty() || defined.contains(in)) continue;
                if (!producers.containsKey(in)) {
                    problems.add("node " + n.describe() + " reads '" + in
                            + "', which no graph input, initializer or node produces");
                } else if (!outOfOrder) {
                    outOfOrder = true;
                    problems.add(findCycle(g).map(GraphVerifier::describeCycle).orElse("node " + n.describe()
                            + " reads '" + in + "' before " + producers.get(in)
                            + " produces it: the nodes are not in topological order"));
                }
            }
            for (String out : n.outputs()) if (!out.isEmpty()) defined.add(out);
        }
    }

    private static void checkTypes(Graph g, ToLongFunction<String> opsets, List<String> problems) {
        Map<String, TensorType> declared = new HashMap<>(g.valueInfo());
        for (Value v : g.outputs()) declared.put(v.name(), v.type());
        TypeInference ti = TypeInference.seeded(g, opsets);
        for (Node n : g.nodes()) {
            List<Optional<TensorType>> types;
            try {
                types = ti.infer(n, name -> Optional.ofNullable(declared.get(name)));
            } catch (ShapeException e) {
                problems.add(e.getMessage());
                return;
            }
            for (int i = 0; i < types.size(); i++) {
                TensorType annotated = declared.get(n.output(i));
                if (annotated == null || types.get(i).isEmpty()) continue;
                TensorType inferred = types.get(i).get();
                int index = i;
                TypeInference.conflict(inferred, annotated).ifPresent(why -> problems.add("value '" + n.output(index)
                        + "' of node " + n.describe() + " is inferred as " + inferred + " but declared as "
                        + annotated + " (" + why + ")"));
            }
        }
    }

    /**
     * Nodes on a cycle, in dependency order (each reads an output of the one before, the first reads
     * the last), starting from the one earliest in the graph.
     */
    public static Optional<List<Node>> findCycle(Graph g) {
        Map<String, Integer> producerIndex = new HashMap<>();
        for (int i = 0; i < g.nodes().size(); i++) {
            for (String out : g.nodes().get(i).outputs()) if (!out.isEmpty()) producerIndex.putIfAbsent(out, i);
        }
        int[] state = new int[g.nodes().size()];
        for (int i = 0; i < state.length; i++) {
            if (state[i] != 0) continue;
            Optional<List<Node>> cycle = visit(g, i, producerIndex, state);
            if (cycle.isPresent()) return cycle;
        }
        return Optional.empty();
    }

    /** Depth-first over producers without recursion; state 0 new, 1 on the path, 2 done. */
    private static Optional<List<Node>> visit(Graph g, int start, Map<String, Integer> producerIndex, int[] state) {
        List<Integer> path = new ArrayList<>(List.of(start));
        List<Integer> nextInput = new ArrayList<>(List.of(0));
        state[start] = 1;
        while (!path.isEmpty()) {
            int node = path.getLast();
            int k = nextInput.getLast();
            List<String> inputs = g.nodes().get(node).inputs();
            if (k == inputs.size()) {
                state[node] = 2;
                path.removeLast();
                nextInput.removeLast();
                continue;
            }
            nextInput.set(nextInput.size() - 1, k + 1);
            Integer p = producerIndex.get(inputs.get(k));
            if (p == null || state[p] == 2) continue;
            if (state[p] == 1) {
                List<Integer> cycle = new ArrayList<>(path.subList(path.indexOf(p), path.size()).reversed());
                Collections.rotate(cycle, -cycle.indexOf(Collections.min(cycle)));
                return Optional.of(cycle.stream().map(g.nodes()::get).toList());
            }
            state[p] = 1;
            path.add(p);
            nextInput.add(0);
        }
        return Optional.empty();
    }

    /** "the graph has a cycle: a (Relu) -> b (Add) -> a (Relu)". */
    public static String describeCycle(List<Node> cycle) {
        StringBuilder sb = new StringBuilder("the graph has a cycle: ");
        for (Node n : cycle) sb.append(n.describe()).append(" -> ");
        return sb.append(cycle.getFirst().describe()).toString();
    }
}
