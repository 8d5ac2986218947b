package dev.slim4j.ir.pass;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.Value;
import dev.slim4j.ir.rewrite.GraphIndex;
import dev.slim4j.ir.rewrite.Match;
import dev.slim4j.ir.rewrite.Rewrite;
import dev.slim4j.ir.rewrite.Rule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies rewrite {@link Rule}s to a fixpoint. Each sweep walks the nodes in order, tries the rules
 * in order at each node (as the pattern's root), and takes every match that shares no node with one
 * taken before; the root's place goes to the replacement's nodes, and the other matched nodes are
 * removed once nothing reads them. Sweeps repeat until none matches. The argument is never changed.
 */
public final class ApplyRewrites implements Pass {
    /** A guard against rule sets that undo each other; a correct set of rules never comes close. */
    static final int MAX_SWEEPS = 10_000;

    private final String name;
    private final List<Rule> rules;

    public ApplyRewrites(String name, List<Rule> rules) {
        this.name = name;
        this.rules = List.copyOf(rules);
    }

    @Override public String name() { return name; }

    public List<Rule> rules() { return rules; }

    @Override public Graph apply(Graph graph) {
        Graph g = graph;
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            Graph next = sweep(g);
            if (next == g) return g;
            g = next;
        }
        throw new IllegalStateException(name + ": expected the rules " + rules.stream().map(Rule::name).toList()
                + " to reach a fixpoint, found them still matching after " + MAX_SWEEPS + " sweeps");
    }

    private Graph sweep(Graph g) {
        GraphIndex index = new GraphIndex(g);
        Map<Node, Rewrite> replaced = new IdentityHashMap<>();
        Set<Node> taken = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node n : g.nodes()) {
            if (taken.contains(n)) continue;
            for (Rule rule : rules) {
                Optional<Match> m = rule.pattern().match(n, index);
                if (m.isEmpty() || m.get().all().stream().anyMatch(taken::contains)) continue;
                Optional<Rewrite> r = rule.replacement().replace(m.get(), index);
                if (r.isEmpty()) continue;
                taken.addAll(m.get().all());
                replaced.put(n, r.get());
                break;
            }
        }
        return replaced.isEmpty() ? g : rebuild(g, replaced, taken);
    }

    private static Graph rebuild(Graph g, Map<Node, Rewrite> replaced, Set<Node> matched) {
        Graph.Builder b = g.toBuilder();
        List<Node> nodes = new ArrayList<>();
        for (Node n : g.nodes()) {
            Rewrite r = replaced.get(n);
            if (r == null) {
                nodes.add(n);
                continue;
            }
            nodes.addAll(r.nodes());
            b.initializers.putAll(r.initializers());
        }
        removeUnread(nodes, matched, g.outputs());
        Set<String> produced = new HashSet<>();
        for (Node n : nodes) produced.addAll(n.outputs());
        for (Node n : matched) {
            for (String out : n.outputs()) if (!produced.contains(out)) b.valueInfo.remove(out);
        }
        return b.nodes(nodes).build();
    }

    /** Drops matched nodes (not replacements) none of whose outputs is read any more, until none is left. */
    private static void removeUnread(List<Node> nodes, Set<Node> matched, List<Value> outputs) {
        boolean removed = true;
        while (removed) {
            Set<String> read = new HashSet<>();
            for (Node n : nodes) read.addAll(n.inputs());
            for (Value v : outputs) read.add(v.name());
            removed = nodes.removeIf(n -> matched.contains(n) && n.outputs().stream().noneMatch(read::contains));
        }
    }
}
