package dev.slim4j.compress.prune;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores of every prunable group under one criterion, computed once, turned into plans for any
 * ratio: per group (each loses floor(ratio * size) of its lowest-scored channels) or globally (the
 * lowest normalized scores over all groups, each group capped at maxGroupRatio). Every group keeps
 * at least one channel, and its kept count is rounded up to a multiple of roundTo where it can be.
 */
public final class ChannelRanking {
    private final DependencyGraph graph;
    private final PruningConfig config;
    private final Map<Integer, double[]> scores = new HashMap<>();

    private ChannelRanking(DependencyGraph graph, PruningConfig config) {
        this.graph = graph;
        this.config = config;
        for (PruningGroup g : graph.prunableGroups()) scores.put(g.id(), config.importance().score(graph, g));
    }

    public static ChannelRanking of(DependencyGraph graph, PruningConfig config) { return new ChannelRanking(graph, config); }

    /** The plan for the config's own ratio. */
    public PruningPlan plan() { return plan(config.ratio()); }

    /** One shot: the plan for {@code config} on {@code graph}. */
    public static PruningPlan plan(DependencyGraph graph, PruningConfig config) { return of(graph, config).plan(); }

    /** The raw scores of a prunable group (one per channel). */
    public double[] scores(int group) { return scores.get(group).clone(); }

    /** The plan removing {@code ratio} of the channels, with the config's scope. */
    public PruningPlan plan(double ratio) {
        if (!(ratio >= 0 && ratio < 1)) throw new IllegalArgumentException("expected a pruning ratio in [0, 1), found " + ratio);
        Map<Integer, Integer> removeCount = config.scope() == Scope.PER_GROUP ? perGroup(ratio) : global(ratio);
        PruningPlan plan = PruningPlan.none();
        for (var e : removeCount.entrySet()) {
            PruningGroup g = graph.group(e.getKey());
            int remove = rounded(g.size(), e.getValue());
            if (remove == 0) continue;
            List<Integer> order = lowestFirst(scores.get(g.id()));
            plan = plan.withRemoved(g, order.subList(0, remove));
        }
        return plan;
    }

    /**
     * Per-layer ratios (from a sensitivity analysis, say): group id to the fraction of its channels to
     * remove; groups not named keep all their channels. Each group keeps at least one channel.
     */
    public PruningPlan plan(Map<Integer, Double> ratios) {
        PruningPlan plan = PruningPlan.none();
        for (var e : ratios.entrySet()) {
            double r = e.getValue();
            if (!(r >= 0 && r < 1)) throw new IllegalArgumentException("expected a ratio in [0, 1) for group " + e.getKey() + ", found " + r);
            PruningGroup g = graph.group(e.getKey());
            if (!g.isPrunable()) throw new PruningException("group " + g.id() + " (" + g.root() + ") cannot be pruned: " + g.unprunable().get());
            int remove = rounded(g.size(), Math.min(g.size() - 1, (int) Math.floor(r * g.size())));
            if (remove > 0) plan = plan.withRemoved(g, lowestFirst(scores.get(g.id())).subList(0, remove));
        }
        return plan;
    }

    private Map<Integer, Integer> perGroup(double ratio) {
        Map<Integer, Integer> out = new HashMap<>();
        for (PruningGroup g : graph.prunableGroups()) out.put(g.id(), Math.min(g.size() - 1, (int) Math.floor(ratio * g.size())));
        return out;
    }

    private Map<Integer, Integer> global(double ratio) {
        record Entry(int group, double score) {}
        List<Entry> all = new ArrayList<>();
        int total = 0;
        for (PruningGroup g : graph.prunableGroups()) {
            double[] s = config.normalization().apply(scores.get(g.id()));
            for (double v : s) all.add(new Entry(g.id(), v));
            total += g.size();
        }
        all.sort(Comparator.comparingDouble(Entry::score));
        int target = (int) Math.floor(ratio * total);
        Map<Integer, Integer> out = new HashMap<>();
        int taken = 0;
        for (Entry e : all) {
            if (taken >= target) break;
            PruningGroup g = graph.group(e.group());
            int cap = Math.min(g.size() - 1, (int) Math.floor(config.maxGroupRatio() * g.size()));
            int now = out.getOrDefault(e.group(), 0);
            if (now >= cap) continue;
            out.put(e.group(), now + 1);
            taken++;
        }
        return out;
    }

    /** Removes fewer channels so that the kept count is a multiple of roundTo (or everything stays). */
    private int rounded(int size, int remove) {
        int k = config.roundTo();
        if (k == 1) return remove;
        int keep = size - remove;
        int up = (keep + k - 1) / k * k;
        return Math.max(0, size - Math.min(size, up));
    }

    private static List<Integer> lowestFirst(double[] s) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < s.length; i++) idx.add(i);
        idx.sort(Comparator.<Integer>comparingDouble(i -> s[i]).thenComparing(i -> i));
        return idx;
    }
}
