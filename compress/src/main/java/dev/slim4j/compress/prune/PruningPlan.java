package dev.slim4j.compress.prune;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Which channels to keep, per group id of a {@link DependencyGraph}; a group not named keeps all of
 * its channels. Kept channel lists are sorted and distinct. Checked against the graph when applied
 * ({@link ChannelPruner}): a plan that keeps no channel of a group, or cuts an unprunable one, is refused.
 */
public record PruningPlan(Map<Integer, List<Integer>> keep) {
    public PruningPlan {
        TreeMap<Integer, List<Integer>> m = new TreeMap<>();
        keep.forEach((g, k) -> m.put(g, k.stream().distinct().sorted().toList()));
        keep = java.util.Collections.unmodifiableMap(m);
    }

    /** Keeps everything. */
    public static PruningPlan none() { return new PruningPlan(Map.of()); }

    /** This plan with group {@code group} keeping exactly {@code channels}. */
    public PruningPlan withKept(int group, Collection<Integer> channels) {
        TreeMap<Integer, List<Integer>> m = new TreeMap<>(keep);
        m.put(group, List.copyOf(channels));
        return new PruningPlan(m);
    }

    /** This plan with {@code removed} channels of {@code group} taken out (on top of what it already removes). */
    public PruningPlan withRemoved(PruningGroup group, Collection<Integer> removed) {
        Set<Integer> gone = new HashSet<>(removed);
        return withKept(group.id(), kept(group).stream().filter(i -> !gone.contains(i)).toList());
    }

    /** The channels of {@code group} this plan keeps. */
    public List<Integer> kept(PruningGroup group) {
        List<Integer> k = keep.get(group.id());
        return k != null ? k : IntStream.range(0, group.size()).boxed().toList();
    }

    /** Channels removed from {@code group}. */
    public int removedCount(PruningGroup group) { return group.size() - kept(group).size(); }

    /** Total channels removed over the graph's groups. */
    public int removedCount(DependencyGraph graph) {
        return graph.groups().stream().mapToInt(this::removedCount).sum();
    }
}
