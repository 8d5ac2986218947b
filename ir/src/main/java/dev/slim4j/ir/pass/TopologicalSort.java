package dev.slim4j.ir.pass;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.GraphVerificationException;
import dev.slim4j.ir.GraphVerifier;
import dev.slim4j.ir.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Orders nodes so each comes after the producers of its inputs, keeping the original order wherever
 * it already allows (a stable Kahn sort). A cycle fails with a message naming the nodes on it.
 * Inputs nothing produces are left for the verifier to report.
 */
public final class TopologicalSort implements Pass {
    @Override public Graph apply(Graph graph) {
        List<Node> nodes = graph.nodes();
        Map<String, Integer> producer = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            for (String out : nodes.get(i).outputs()) if (!out.isEmpty()) producer.putIfAbsent(out, i);
        }
        int[] pending = new int[nodes.size()];
        List<List<Integer>> readers = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) readers.add(new ArrayList<>());
        for (int i = 0; i < nodes.size(); i++) {
            for (String in : nodes.get(i).inputs()) {
                Integer p = producer.get(in);
                if (p == null) continue;
                pending[i]++;
                readers.get(p).add(i);
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < nodes.size(); i++) if (pending[i] == 0) ready.add(i);
        List<Node> sorted = new ArrayList<>();
        while (!ready.isEmpty()) {
            int i = ready.poll();
            sorted.add(nodes.get(i));
            for (int r : readers.get(i)) if (--pending[r] == 0) ready.add(r);
        }
        if (sorted.size() < nodes.size()) {
            String why = GraphVerifier.findCycle(graph).map(GraphVerifier::describeCycle).orElse("the graph has a cycle");
            throw new GraphVerificationException(List.of(why), "TopologicalSort: " + why);
        }
        return sorted.equals(nodes) ? graph : graph.toBuilder().nodes(sorted).build();
    }
}
