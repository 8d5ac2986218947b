package dev.slim4j.compress.prune;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The channel dependencies of a model: per-op rules ({@link ChannelRules}) couple tensor entries
 * that must be removed together; entries joined transitively form channels; channels coupling the
 * same set of tensor axes form a {@link PruningGroup}. Graph inputs and outputs are never pruned.
 * The graph analysed is {@link #model()}, the input with its known shapes folded to constants and
 * shared parameters untied; it computes the same function. Immutable once built.
 */
public final class DependencyGraph {
    private final Model model;
    private final List<PruningGroup> groups;
    private final List<ShapeFix> fixes;

    private DependencyGraph(Model model, List<PruningGroup> groups, List<ShapeFix> fixes) {
        this.model = model;
        this.groups = List.copyOf(groups);
        this.fixes = List.copyOf(fixes);
    }

    /** Analyses a model (which is not changed). */
    public static DependencyGraph of(Model model) {
        Model prepared = FoldKnownShapes.apply(model);
        Graph g = prepared.graph();
        Coupling c = new Coupling(g);
        for (Value v : g.inputs()) c.activation(v.name()).ifPresent(r -> c.block(r, "graph input '" + v.name() + "'"));
        for (Value v : g.outputs()) c.activation(v.name()).ifPresent(r -> c.block(r, "graph output '" + v.name() + "'"));
        Set<String> handled = new HashSet<>();
        for (Node n : g.nodes()) ChannelRules.apply(n, c, handled);
        blockUncoupledReaders(g, c);
        return new DependencyGraph(prepared, groups(c), c.fixes());
    }

    /** A parameter sliced for one reader must not be read, unsliced, by another. */
    private static void blockUncoupledReaders(Graph g, Coupling c) {
        for (ChannelRef r : c.refs()) {
            if (!r.role().isParameter()) continue;
            for (Node n : g.nodes()) {
                for (int i = 0; i < n.inputs().size(); i++) {
                    if (n.input(i).equals(r.tensor()) && !c.isCoupledUse(n, i)) {
                        c.block(r, "'" + r.tensor() + "' is also read by " + n.describe());
                    }
                }
            }
        }
    }

    private static List<PruningGroup> groups(Coupling c) {
        Map<Integer, List<ChannelIndex>> components = new LinkedHashMap<>();
        for (ChannelRef r : c.refs()) {
            for (int i = 0; i < r.size(); i++) {
                components.computeIfAbsent(c.find(c.base(r) + i), k -> new ArrayList<>()).add(new ChannelIndex(r, i));
            }
        }
        Map<List<ChannelRef>, List<Channel>> bySignature = new LinkedHashMap<>();
        for (List<ChannelIndex> members : new TreeMap<>(components).values()) {
            List<ChannelRef> signature = members.stream().map(ChannelIndex::ref).distinct().toList();
            bySignature.computeIfAbsent(signature, k -> new ArrayList<>()).add(new Channel(members));
        }
        List<PruningGroup> out = new ArrayList<>();
        for (var e : bySignature.entrySet()) {
            out.add(new PruningGroup(out.size(), e.getKey(), e.getValue(), why(e.getKey(), c.blocked())));
        }
        return out;
    }

    private static Optional<String> why(List<ChannelRef> tensors, Map<ChannelRef, String> blocked) {
        for (ChannelRef r : tensors) if (blocked.containsKey(r)) return Optional.of(blocked.get(r));
        if (tensors.stream().noneMatch(t -> t.role().isParameter())) return Optional.of("no weights to slice");
        if (tensors.stream().noneMatch(t -> t.role() == TensorRole.ACTIVATION)) return Optional.of("no activation to cut");
        return Optional.empty();
    }

    /** The analysed model: the input with known shapes folded and parameters untied. */
    public Model model() { return model; }

    public List<PruningGroup> groups() { return groups; }

    public List<PruningGroup> prunableGroups() { return groups.stream().filter(PruningGroup::isPrunable).toList(); }

    public PruningGroup group(int id) {
        if (id < 0 || id >= groups.size()) {
            throw new PruningException("no pruning group " + id + ", expected 0.." + (groups.size() - 1));
        }
        return groups.get(id);
    }

    /** The groups as a readable table: id, channels, prunable or why not, coupled tensor axes. */
    public String table() { return GroupTable.render(groups); }

    List<ShapeFix> fixes() { return fixes; }
}
