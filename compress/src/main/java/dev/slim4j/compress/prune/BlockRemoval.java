package dev.slim4j.compress.prune;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.GraphVerifier;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.TensorType;
import dev.slim4j.ir.op.Binary;
import dev.slim4j.ir.op.BinaryFunction;
import dev.slim4j.ir.pass.EliminateUnusedInitializers;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whole-block pruning: finds residual blocks whose branch can be dropped (an Add of a value and a
 * branch computed only from it, with matching static shapes) and replaces chosen ones by the
 * identity. Returns a new model; the input is never changed.
 */
public final class BlockRemoval {
    private BlockRemoval() {}

    /** The removable residual blocks of a model, in graph order. */
    public static List<ResidualBlock> blocks(Model model) {
        Graph g = FoldKnownShapes.annotate(model, model.graph());
        Map<String, Integer> order = new HashMap<>();
        Map<String, Node> producer = new HashMap<>();
        for (int i = 0; i < g.nodes().size(); i++) {
            Node n = g.nodes().get(i);
            order.put(n.name(), i);
            for (String o : n.outputs()) producer.put(o, n);
        }
        List<ResidualBlock> out = new ArrayList<>();
        for (Node n : g.nodes()) {
            if (!(n.op() instanceof Binary b) || b.function() != BinaryFunction.ADD || n.inputs().size() != 2) continue;
            for (int skip = 0; skip < 2; skip++) {
                Optional<ResidualBlock> r = block(g, n, n.input(skip), n.input(1 - skip), producer, order);
                if (r.isPresent()) {
                    out.add(r.get());
                    break;
                }
            }
        }
        return out;
    }

    private static Optional<ResidualBlock> block(Graph g, Node add, String skip, String other, Map<String, Node> producer,
                                                 Map<String, Integer> order) {
        Optional<TensorType> ts = g.typeOf(skip);
        Optional<TensorType> ty = g.typeOf(add.output(0));
        if (ts.isEmpty() || ty.isEmpty() || !ts.get().hasRank() || !ts.get().equals(ty.get())) return Optional.empty();
        if (g.outputs().stream().anyMatch(v -> v.name().equals(add.output(0)))) return Optional.empty();
        int floor = producer.containsKey(skip) ? order.get(producer.get(skip).name()) : -1;
        Set<String> branch = new HashSet<>();
        ArrayDeque<String> pending = new ArrayDeque<>(List.of(other));
        while (!pending.isEmpty()) {
            String v = pending.pop();
            if (v.isEmpty() || v.equals(skip) || g.initializers().containsKey(v) && !isInput(g, v)) continue;
            Node p = producer.get(v);
            if (p == null || order.get(p.name()) <= floor) return Optional.empty();
            if (branch.add(p.name())) pending.addAll(p.inputs());
        }
        if (branch.isEmpty()) return Optional.empty();
        for (Node n : g.nodes()) {
            if (!branch.contains(n.name())) continue;
            for (String o : n.outputs()) {
                if (o.isEmpty()) continue;
                boolean escapes = g.consumers(o).stream().anyMatch(c -> !branch.contains(c.name()) && c != add)
                        || g.outputs().stream().anyMatch(v -> v.name().equals(o));
                if (escapes) return Optional.empty();
            }
        }
        List<String> names = g.nodes().stream().map(Node::name).filter(branch::contains).toList();
        return Optional.of(new ResidualBlock(add.name(), skip, names));
    }

    private static boolean isInput(Graph g, String v) { return g.inputs().stream().anyMatch(x -> x.name().equals(v)); }

    /** The model with each given block replaced by its input (the Add's readers read the input instead). */
    public static Model remove(Model model, Collection<ResidualBlock> blocks) {
        Set<ResidualBlock> known = new HashSet<>(blocks(model));
        Set<String> drop = new HashSet<>();
        Map<String, String> renamed = new HashMap<>();
        for (ResidualBlock b : blocks) {
            if (!known.contains(b)) {
                throw new PruningException("not a removable residual block of this model: " + b + "; found " + known.size()
                        + " removable blocks");
            }
            drop.addAll(b.branch());
            drop.add(b.add());
            Node add = model.graph().nodes().stream().filter(n -> n.name().equals(b.add())).findFirst().orElseThrow();
            renamed.put(add.output(0), b.input());
        }
        List<Node> kept = new ArrayList<>();
        for (Node n : model.graph().nodes()) {
            if (drop.contains(n.name())) continue;
            kept.add(n.withInputs(n.inputs().stream().map(v -> resolve(v, renamed)).toList()));
        }
        Graph.Builder b = model.graph().toBuilder().nodes(kept);
        Graph g = FoldKnownShapes.annotate(model, new EliminateUnusedInitializers().apply(b.build()));
        GraphVerifier.verify(g, model::opset);
        return model.withGraph(g);
    }

    private static String resolve(String v, Map<String, String> renamed) {
        String r = v;
        while (renamed.containsKey(r)) r = renamed.get(r);
        return r;
    }

}
