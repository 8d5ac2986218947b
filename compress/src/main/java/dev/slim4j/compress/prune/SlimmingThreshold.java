package dev.slim4j.compress.prune;

import dev.slim4j.ir.metrics.ModelMetrics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Network Slimming's cut: one global threshold on |gamma| over every channel that has a BatchNorm
 * scale, chosen so that {@code ratio} of those channels fall below it; groups without a BatchNorm
 * scale are left whole. Every group keeps at least its largest-|gamma| channel.
 */
public final class SlimmingThreshold {
    private SlimmingThreshold() {}

    /** A removal plan and the threshold on |gamma| it applied. */
    public record Result(PruningPlan plan, double threshold, int scaledChannels) {}

    /**
     * The smallest share of BatchNorm channels (found by bisection to 1/1024) whose removal keeps at
     * most {@code keep} of the graph's MACs; the largest cut if none does.
     */
    public static Result forMacs(DependencyGraph graph, double keep) {
        if (!(keep > 0 && keep <= 1)) throw new IllegalArgumentException("expected a share of MACs to keep in (0, 1], found " + keep);
        long before = ModelMetrics.measure(graph.model()).macs();
        double lo = 0, hi = 1023 / 1024.0;
        Result best = plan(graph, hi);
        for (int i = 0; i < 10; i++) {
            double mid = (lo + hi) / 2;
            Result r = plan(graph, mid);
            long after = ModelMetrics.measure(ChannelPruner.apply(graph, r.plan())).macs();
            if (after <= keep * before) {
                hi = mid;
                best = r;
            } else {
                lo = mid;
            }
        }
        return best;
    }

    public static Result plan(DependencyGraph graph, double ratio) {
        if (!(ratio >= 0 && ratio < 1)) throw new IllegalArgumentException("expected a pruning ratio in [0, 1), found " + ratio);
        record Entry(PruningGroup group, int channel, double gamma) {}
        List<Entry> all = new ArrayList<>();
        for (PruningGroup g : graph.prunableGroups()) {
            if (g.tensors(TensorRole.NORM_SCALE).isEmpty()) continue;
            double[] s = Importance.normScale().score(graph, g);
            for (int c = 0; c < s.length; c++) all.add(new Entry(g, c, s[c]));
        }
        if (all.isEmpty()) {
            throw new PruningException("Network Slimming needs BatchNorm scales in prunable groups; graph '"
                    + graph.model().graph().name() + "' has none");
        }
        all.sort(Comparator.comparingDouble(Entry::gamma));
        int target = (int) Math.floor(ratio * all.size());
        Map<PruningGroup, List<Integer>> removed = new HashMap<>();
        double threshold = 0;
        int taken = 0;
        for (Entry e : all) {
            if (taken >= target) break;
            List<Integer> r = removed.computeIfAbsent(e.group(), k -> new ArrayList<>());
            if (r.size() >= e.group().size() - 1) continue;
            r.add(e.channel());
            threshold = e.gamma();
            taken++;
        }
        PruningPlan plan = PruningPlan.none();
        for (var e : removed.entrySet()) plan = plan.withRemoved(e.getKey(), e.getValue());
        return new Result(plan, threshold, all.size());
    }
}
