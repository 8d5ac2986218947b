package dev.slim4j.compress.prune;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.GraphVerifier;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.pass.EliminateUnusedInitializers;
import dev.slim4j.tensor.Tensor;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a {@link PruningPlan}: every coupled initializer axis loses the entries of the removed
 * channels, depthwise convolutions get their new group count, Slice/Split bounds and Reshape
 * targets follow the new channel counts, value types are inferred again, and the result is
 * verified. Returns a new, physically smaller model; the input model is never changed.
 */
public final class ChannelPruner {
    private ChannelPruner() {}

    /** Builds the dependency graph of {@code model} (group ids are deterministic) and applies the plan. */
    public static Model apply(Model model, PruningPlan plan) { return apply(DependencyGraph.of(model), plan); }

    /** Applies the plan to the graph's analysed model. */
    public static Model apply(DependencyGraph graph, PruningPlan plan) {
        Map<ChannelRef, int[]> kept = keptEntries(graph, plan);
        Model m = graph.model();
        Graph g = m.graph();
        Graph.Builder b = g.toBuilder();
        Map<String, Tensor> sliced = new HashMap<>();
        for (var e : kept.entrySet()) {
            ChannelRef r = e.getKey();
            if (!r.role().isParameter()) continue;
            Tensor t = sliced.getOrDefault(r.tensor(), g.initializers().get(r.tensor()));
            sliced.put(r.tensor(), TensorSlice.keep(t, r.axis(), e.getValue()));
        }
        b.initializers.putAll(sliced);
        b.nodes(ShapeRewrites.apply(g, m.opset(""), kept, graph.fixes(), b.initializers));
        Graph out = FoldKnownShapes.annotate(m, new EliminateUnusedInitializers().apply(b.build()));
        GraphVerifier.verify(out, m::opset);
        return m.withGraph(out);
    }

    /**
     * Soft pruning: the analysed model with the same shapes, in which the channels the plan removes
     * produce zero (their filters, biases and normalization scales and shifts set to 0; input weights
     * of the next layers are kept, so the channels may grow back while training, as in soft filter
     * pruning). Applying the same plan with {@link #apply} afterwards removes them without changing
     * any output.
     */
    public static Model zeroed(DependencyGraph graph, PruningPlan plan) {
        Map<ChannelRef, int[]> kept = keptEntries(graph, plan);
        Graph g = graph.model().graph();
        Graph.Builder b = g.toBuilder();
        for (var e : kept.entrySet()) {
            ChannelRef r = e.getKey();
            boolean producing = r.role() == TensorRole.FILTER || r.role() == TensorRole.BIAS
                    || r.role() == TensorRole.NORM_SCALE || r.role() == TensorRole.NORM_SHIFT;
            if (!producing) continue;
            b.initializers.put(r.tensor(), TensorSlice.zeroOthers(b.initializers.get(r.tensor()), r.axis(), e.getValue()));
        }
        return graph.model().withGraph(b.build());
    }

    /** The entries each changed tensor axis keeps; axes that keep everything are absent. */
    static Map<ChannelRef, int[]> keptEntries(DependencyGraph graph, PruningPlan plan) {
        Map<ChannelRef, boolean[]> removed = new LinkedHashMap<>();
        for (var e : plan.keep().entrySet()) {
            PruningGroup group = graph.group(e.getKey());
            List<Integer> keep = e.getValue();
            check(group, keep);
            if (keep.size() == group.size()) continue;
            boolean[] keepMask = new boolean[group.size()];
            for (int k : keep) keepMask[k] = true;
            for (int ch = 0; ch < group.size(); ch++) {
                if (keepMask[ch]) continue;
                for (ChannelIndex i : group.channels().get(ch).indices()) {
                    removed.computeIfAbsent(i.ref(), r -> new boolean[r.size()])[i.index()] = true;
                }
            }
        }
        Map<ChannelRef, int[]> out = new LinkedHashMap<>();
        removed.forEach((r, gone) -> {
            int[] k = new int[r.size()];
            int n = 0;
            for (int i = 0; i < gone.length; i++) if (!gone[i]) k[n++] = i;
            out.put(r, java.util.Arrays.copyOf(k, n));
        });
        return out;
    }

    private static void check(PruningGroup group, List<Integer> keep) {
        String name = "group " + group.id() + " (" + group.root() + ")";
        if (keep.isEmpty()) {
            throw new PruningException(name + " would keep 0 of its " + group.size()
                    + " channels; a plan must keep at least one channel per group");
        }
        for (int k : keep) {
            if (k < 0 || k >= group.size()) {
                throw new PruningException(name + ": channel " + k + " does not exist, expected 0.." + (group.size() - 1));
            }
        }
        if (keep.size() < group.size() && !group.isPrunable()) {
            throw new PruningException(name + " cannot be pruned: " + group.unprunable().orElseThrow());
        }
    }
}
