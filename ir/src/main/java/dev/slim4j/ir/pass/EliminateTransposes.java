package dev.slim4j.ir.pass;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.TensorType;
import dev.slim4j.ir.op.Identity;
import dev.slim4j.ir.op.Transpose;
import dev.slim4j.ir.rewrite.GraphIndex;
import dev.slim4j.ir.rewrite.Match;
import dev.slim4j.ir.rewrite.Pattern;
import dev.slim4j.ir.rewrite.Rewrite;
import dev.slim4j.ir.rewrite.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Composes consecutive Transposes into one ({@code Transpose(Transpose(x, p), q)} is x permuted by
 * p[q[i]]) and removes a Transpose whose permutation is the identity (a Transpose followed by its
 * inverse ends as one of those). The inner Transpose stays while something else reads it.
 */
public final class EliminateTransposes implements Pass {
    private static final ApplyRewrites REWRITES = new ApplyRewrites("EliminateTransposes", List.of(
            new Rule("Transpose of a Transpose into one Transpose",
                    Pattern.op("outer", Transpose.class).input(0, Pattern.op("inner", Transpose.class)),
                    EliminateTransposes::compose),
            new Rule("identity Transpose into Identity", Pattern.op("t", Transpose.class),
                    EliminateTransposes::identity)));

    @Override public Graph apply(Graph graph) { return new EliminateIdentity().apply(REWRITES.apply(graph)); }

    private static Optional<Rewrite> compose(Match m, GraphIndex g) {
        Node outer = m.root();
        Node inner = m.node("inner");
        Optional<int[]> p = permutation(inner, g);
        Optional<int[]> q = permutation(outer, g);
        if (p.isEmpty() || q.isEmpty() || p.get().length != q.get().length) return Optional.empty();
        List<Long> composed = new ArrayList<>();
        for (int axis : q.get()) composed.add((long) p.get()[axis]);
        return Rewrite.of(new Node(outer.name(), new Transpose(Optional.of(composed)), List.of(inner.input(0)),
                outer.outputs()));
    }

    private static Optional<Rewrite> identity(Match m, GraphIndex g) {
        Node t = m.root();
        Optional<int[]> p = permutation(t, g);
        if (p.isEmpty()) return Optional.empty();
        for (int i = 0; i < p.get().length; i++) if (p.get()[i] != i) return Optional.empty();
        return Rewrite.of(new Node(t.name(), new Identity(), t.inputs(), t.outputs()));
    }

    /** The node's permutation: its perm attribute, or the reversal for a known input rank. */
    private static Optional<int[]> permutation(Node n, GraphIndex g) {
        Transpose op = (Transpose) n.op();
        if (op.perm().isPresent()) return Optional.of(op.permutation(op.perm().get().size()));
        return g.type(n.input(0)).filter(TensorType::hasRank).map(t -> op.permutation(t.rank()));
    }
}
