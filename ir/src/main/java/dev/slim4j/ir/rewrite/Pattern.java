package dev.slim4j.ir.rewrite;

import dev.slim4j.ir.Node;
import dev.slim4j.ir.op.Op;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * A tree of node shapes rooted at one node: {@code op("act", Unary.class).input(0, op("conv",
 * Conv.class).singleUse())} matches a Relu-like node whose input 0 is produced by a Conv read by
 * nothing else. Each node is bound to its label in the {@link Match}. Immutable; builders return copies.
 */
public final class Pattern {
    private final String label;
    private final Predicate<Op> op;
    private final TreeMap<Integer, Pattern> inputs;
    private final boolean singleUse;
    private final boolean commutative;
    private final BiPredicate<Node, GraphIndex> condition;

    private Pattern(String label, Predicate<Op> op, TreeMap<Integer, Pattern> inputs, boolean singleUse,
                    boolean commutative, BiPredicate<Node, GraphIndex> condition) {
        this.label = label;
        this.op = op;
        this.inputs = inputs;
        this.singleUse = singleUse;
        this.commutative = commutative;
        this.condition = condition;
    }

    /** A node whose op is an instance of {@code type}. */
    public static Pattern op(String label, Class<? extends Op> type) { return op(label, type::isInstance); }

    /** A node whose op passes {@code test}. */
    public static Pattern op(String label, Predicate<Op> test) {
        return new Pattern(label, test, new TreeMap<>(), false, false, (n, g) -> true);
    }

    /** The node's input {@code index} is produced by a node matching {@code child}. */
    public Pattern input(int index, Pattern child) {
        TreeMap<Integer, Pattern> in = new TreeMap<>(inputs);
        in.put(index, child);
        return new Pattern(label, op, in, singleUse, commutative, condition);
    }

    /**
     * The node's outputs are read only once, by the node above it in the pattern, and are no graph
     * outputs, so the rewrite may remove it.
     */
    public Pattern singleUse() { return new Pattern(label, op, inputs, true, commutative, condition); }

    /** For a two-input node: inputs 0 and 1 may match the input patterns either way round. */
    public Pattern commutative() { return new Pattern(label, op, inputs, singleUse, true, condition); }

    /** An extra condition on the node (types, constant inputs). */
    public Pattern where(BiPredicate<Node, GraphIndex> test) {
        return new Pattern(label, op, inputs, singleUse, commutative, condition.and(test));
    }

    public String label() { return label; }

    /** The bindings when the pattern matches with {@code node} as its root. */
    public Optional<Match> match(Node node, GraphIndex graph) {
        Map<String, Node> bound = new LinkedHashMap<>();
        if (bind(node, graph, bound, inputs)) return Optional.of(new Match(node, bound));
        if (!commutative || node.inputs().size() != 2) return Optional.empty();
        Map<String, Node> swappedBound = new LinkedHashMap<>();
        return bind(node, graph, swappedBound, swapped()) ? Optional.of(new Match(node, swappedBound)) : Optional.empty();
    }

    private TreeMap<Integer, Pattern> swapped() {
        TreeMap<Integer, Pattern> s = new TreeMap<>();
        inputs.forEach((i, p) -> s.put(i == 0 ? 1 : i == 1 ? 0 : i, p));
        return s;
    }

    private boolean bind(Node node, GraphIndex graph, Map<String, Node> bound, TreeMap<Integer, Pattern> children) {
        if (!op.test(node.op()) || bound.containsValue(node) || !condition.test(node, graph)) return false;
        bound.put(label, node);
        for (Map.Entry<Integer, Pattern> e : children.entrySet()) {
            String value = node.input(e.getKey());
            Optional<Node> producer = value.isEmpty() ? Optional.empty() : graph.producer(value);
            Pattern child = e.getValue();
            if (producer.isEmpty() || child.singleUse && !graph.usedOnlyOnce(producer.get())) return false;
            if (!child.bind(producer.get(), graph, bound, child.inputs)) return false;
        }
        return true;
    }
}
