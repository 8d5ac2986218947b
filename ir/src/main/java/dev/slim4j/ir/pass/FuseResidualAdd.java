package dev.slim4j.ir.pass;

import dev.slim4j.ir.Dim;
import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.TensorType;
import dev.slim4j.ir.op.Activation;
import dev.slim4j.ir.op.Binary;
import dev.slim4j.ir.op.BinaryFunction;
import dev.slim4j.ir.op.Conv;
import dev.slim4j.ir.op.FusedConv;
import dev.slim4j.ir.op.Op;
import dev.slim4j.ir.op.Unary;
import dev.slim4j.ir.op.UnaryFunction;
import dev.slim4j.ir.rewrite.GraphIndex;
import dev.slim4j.ir.rewrite.Match;
import dev.slim4j.ir.rewrite.Pattern;
import dev.slim4j.ir.rewrite.Rewrite;
import dev.slim4j.ir.rewrite.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Folds a residual addition into the float32 convolution feeding it: {@code Add(Conv(x, w, b), z)},
 * with z of the same (fully known) shape as the convolution's output, becomes {@code FusedConv(x, w,
 * b, z)}; a Relu right after it becomes the FusedConv's activation. The convolution's output must be
 * read by the Add alone and be no graph output.
 */
public final class FuseResidualAdd implements Pass {
    private static final ApplyRewrites REWRITES = new ApplyRewrites("FuseResidualAdd", List.of(
            new Rule("Add(Conv, z) into FusedConv with Z",
                    Pattern.op("add", FuseResidualAdd::isAdd).commutative()
                            .input(0, Pattern.op("conv", Conv.class).singleUse().where(FuseActivation::float32Output)),
                    FuseResidualAdd::residual),
            new Rule("Relu after a residual FusedConv into its activation",
                    Pattern.op("relu", FuseResidualAdd::isRelu)
                            .input(0, Pattern.op("conv", FuseResidualAdd::isPlainResidual).singleUse()),
                    FuseResidualAdd::relu)));

    @Override public Graph apply(Graph graph) { return REWRITES.apply(graph); }

    private static boolean isAdd(Op op) { return op instanceof Binary(BinaryFunction f) && f == BinaryFunction.ADD; }

    private static boolean isRelu(Op op) { return op instanceof Unary(UnaryFunction f) && f == UnaryFunction.RELU; }

    private static boolean isPlainResidual(Op op) {
        return op instanceof FusedConv f && f.activation() instanceof Activation.None;
    }

    private static Optional<Rewrite> residual(Match m, GraphIndex g) {
        Node add = m.root();
        Node conv = m.node("conv");
        String z = add.input(0).equals(conv.output(0)) ? add.input(1) : add.input(0);
        if (z.equals(conv.output(0)) || !sameKnownType(g.type(conv.output(0)), g.type(z))) return Optional.empty();
        List<String> in = new ArrayList<>(List.of(conv.input(0), conv.input(1), conv.input(2), z));
        FusedConv op = new FusedConv((Conv) conv.op(), new Activation.None());
        return Rewrite.of(new Node(conv.name(), op, in, add.outputs()));
    }

    private static Optional<Rewrite> relu(Match m, GraphIndex g) {
        Node conv = m.node("conv");
        if (conv.input(3).isEmpty()) return Optional.empty();
        FusedConv op = new FusedConv(((FusedConv) conv.op()).conv(), new Activation.Relu());
        return Rewrite.of(new Node(conv.name(), op, conv.inputs(), m.root().outputs()));
    }

    /** Same dtype and rank, every dim fixed or a symbol, pairwise equal. */
    static boolean sameKnownType(Optional<TensorType> a, Optional<TensorType> b) {
        if (a.isEmpty() || b.isEmpty() || !a.get().hasRank() || !b.get().hasRank()) return false;
        if (a.get().dtype() != b.get().dtype() || a.get().rank() != b.get().rank()) return false;
        for (int i = 0; i < a.get().rank(); i++) {
            Dim d = a.get().dim(i);
            if (d instanceof Dim.Unknown || !d.equals(b.get().dim(i))) return false;
        }
        return true;
    }
}
