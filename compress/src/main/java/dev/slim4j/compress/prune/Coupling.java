package dev.slim4j.compress.prune;

import dev.slim4j.ir.Dim;
import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The channel rules' working state: every coupled tensor axis gets a run of entries in one
 * union-find over all channel entries; rules join entries that must be removed together, block
 * axes that must stay whole (with the reason), and note the Reshape targets to rewrite. Graph
 * values are read from an annotated graph (value_info holds every intermediate type).
 */
final class Coupling {
    private final Graph graph;
    private final Set<String> graphValues = new HashSet<>();
    private final Map<String, ChannelRef> refs = new LinkedHashMap<>();
    private final Map<ChannelRef, Integer> base = new LinkedHashMap<>();
    private final Map<ChannelRef, String> blocked = new LinkedHashMap<>();
    private final Set<String> parameterUses = new HashSet<>();
    private final List<ShapeFix> fixes = new ArrayList<>();
    private int[] parent = new int[1024];
    private int count;

    Coupling(Graph graph) {
        this.graph = graph;
        graph.inputs().forEach(v -> graphValues.add(v.name()));
        graph.outputs().forEach(v -> graphValues.add(v.name()));
    }

    Graph graph() { return graph; }

    Optional<Tensor> constant(String value) {
        return graphValues.contains(value) ? Optional.empty() : graph.initializer(value);
    }

    Optional<TensorType> type(String value) { return value.isEmpty() ? Optional.empty() : graph.typeOf(value); }

    /** The dims of a value of known rank, -1 where a dim is not fixed (a symbolic batch, for instance). */
    Optional<long[]> dims(String value) { return type(value).filter(TensorType::hasRank).map(Coupling::knownDims); }

    private static long[] knownDims(TensorType t) {
        long[] d = new long[t.rank()];
        for (int i = 0; i < d.length; i++) d[i] = t.dim(i) instanceof Dim.Fixed f ? f.size() : -1;
        return d;
    }

    /** The channel axis (1) of a floating-point activation of rank >= 2 with a known channel count. */
    Optional<ChannelRef> activation(String value) {
        if (value.isEmpty() || constant(value).isPresent()) return Optional.empty();
        Optional<TensorType> t = type(value);
        if (t.isEmpty() || !t.get().dtype().isFloatingPoint() || !t.get().hasRank() || t.get().rank() < 2) {
            return Optional.empty();
        }
        Dim c = t.get().dim(1);
        if (!c.isFixed()) return Optional.empty();
        return Optional.of(ref(value, 1, (int) c.size(), TensorRole.ACTIVATION));
    }

    /** Axis {@code axis} of the initializer read as input {@code input} of {@code node}. */
    Optional<ChannelRef> parameter(Node node, int input, int axis, TensorRole role) {
        Optional<Tensor> t = constant(node.input(input));
        if (t.isEmpty() || axis >= t.get().rank()) return Optional.empty();
        parameterUses.add(node.name() + "#" + input);
        return Optional.of(ref(node.input(input), axis, t.get().shape().dim(axis), role));
    }

    /** True when the rules recorded input {@code input} of {@code node} as a coupled parameter. */
    boolean isCoupledUse(Node node, int input) { return parameterUses.contains(node.name() + "#" + input); }

    private ChannelRef ref(String tensor, int axis, int size, TensorRole role) {
        String key = tensor + "#" + axis;
        ChannelRef r = refs.get(key);
        if (r != null) return r;
        r = new ChannelRef(tensor, axis, size, role);
        refs.put(key, r);
        base.put(r, count);
        grow(count + size);
        for (int i = 0; i < size; i++) parent[count + i] = count + i;
        count += size;
        return r;
    }

    private void grow(int needed) {
        if (needed > parent.length) parent = Arrays.copyOf(parent, Math.max(needed, parent.length * 2));
    }

    /** Entry i of a couples with entry i of b; axes of different sizes are blocked instead. */
    void same(ChannelRef a, ChannelRef b, Node node) {
        if (a.size() != b.size()) {
            String why = node.describe() + " couples " + a.describe() + " (" + a.size() + ") with " + b.describe()
                    + " (" + b.size() + ")";
            block(a, why);
            block(b, why);
            return;
        }
        for (int i = 0; i < a.size(); i++) link(a, i, b, i);
    }

    void link(ChannelRef a, int i, ChannelRef b, int j) {
        int ra = find(base.get(a) + i);
        int rb = find(base.get(b) + j);
        if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }

    void block(ChannelRef r, String reason) { blocked.putIfAbsent(r, reason); }

    /** Blocks the channel axes of every activation the node reads or writes. */
    void blockNode(Node node, String reason) {
        for (String v : node.inputs()) activation(v).ifPresent(r -> block(r, reason));
        for (String v : node.outputs()) activation(v).ifPresent(r -> block(r, reason));
    }

    void fix(ShapeFix f) { fixes.add(f); }

    List<ShapeFix> fixes() { return List.copyOf(fixes); }

    Map<ChannelRef, String> blocked() { return blocked; }

    List<ChannelRef> refs() { return List.copyOf(refs.values()); }

    int base(ChannelRef r) { return base.get(r); }

    int find(int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }
}
