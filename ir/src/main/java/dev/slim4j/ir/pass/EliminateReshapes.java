package dev.slim4j.ir.pass;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.TensorType;
import dev.slim4j.ir.op.Flatten;
import dev.slim4j.ir.op.Identity;
import dev.slim4j.ir.op.Op;
import dev.slim4j.ir.op.Reshape;
import dev.slim4j.ir.rewrite.GraphIndex;
import dev.slim4j.ir.rewrite.Match;
import dev.slim4j.ir.rewrite.Pattern;
import dev.slim4j.ir.rewrite.Rewrite;
import dev.slim4j.ir.rewrite.Rule;
import dev.slim4j.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Removes a Reshape or Flatten whose output has its input's (fully known) shape, and collapses a
 * Reshape or Flatten of a Reshape or Flatten into one Reshape of the original value: the outer
 * target is reused when it does not copy dims (no 0), else a constant target is made from the outer
 * output's known shape. The inner node stays while something else reads it.
 */
public final class EliminateReshapes implements Pass {
    private static final ApplyRewrites REWRITES = new ApplyRewrites("EliminateReshapes", List.of(
            new Rule("Reshape or Flatten to its own shape into Identity",
                    Pattern.op("r", EliminateReshapes::isReshape), EliminateReshapes::identity),
            new Rule("Reshape or Flatten of a Reshape or Flatten into one Reshape",
                    Pattern.op("outer", EliminateReshapes::isReshape)
                            .input(0, Pattern.op("inner", EliminateReshapes::isReshape)),
                    EliminateReshapes::collapse)));

    @Override public Graph apply(Graph graph) { return new EliminateIdentity().apply(REWRITES.apply(graph)); }

    private static boolean isReshape(Op op) { return op instanceof Reshape || op instanceof Flatten; }

    private static Optional<Rewrite> identity(Match m, GraphIndex g) {
        Node r = m.root();
        if (!FuseResidualAdd.sameKnownType(g.type(r.input(0)), g.type(r.output(0)))) return Optional.empty();
        return Rewrite.of(new Node(r.name(), new Identity(), List.of(r.input(0)), r.outputs()));
    }

    private static Optional<Rewrite> collapse(Match m, GraphIndex g) {
        Node outer = m.root();
        String x = m.node("inner").input(0);
        if (outer.op() instanceof Reshape op && g.constant(outer.input(1)).filter(t -> copiesNoDim(t, op)).isPresent()) {
            return Rewrite.of(new Node(outer.name(), op, List.of(x, outer.input(1)), outer.outputs()));
        }
        Optional<long[]> target = target(g.type(outer.output(0)));
        if (target.isEmpty()) return Optional.empty();
        String shape = g.freshName(outer.name() + ".shape");
        return Rewrite.of(new Node(outer.name(), new Reshape(false), List.of(x, shape), outer.outputs()),
                Map.of(shape, Tensor.vector(target.get())));
    }

    private static boolean copiesNoDim(Tensor target, Reshape op) {
        if (op.allowzero()) return true;
        for (int i = 0; i < target.size(); i++) if (target.getLong(i) == 0) return false;
        return true;
    }

    /** The known output shape as a target, with at most one non-fixed dim written as -1. */
    private static Optional<long[]> target(Optional<TensorType> type) {
        if (type.isEmpty() || !type.get().hasRank()) return Optional.empty();
        long[] t = new long[type.get().rank()];
        int unknown = 0;
        for (int i = 0; i < t.length; i++) {
            var d = type.get().dim(i);
            if (d.isFixed() && d.size() == 0) return Optional.empty();
            t[i] = d.isFixed() ? d.size() : -1;
            if (!d.isFixed()) unknown++;
        }
        return unknown <= 1 ? Optional.of(t) : Optional.empty();
    }
}
