package dev.slim4j.ir.pass;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.TensorType;
import dev.slim4j.ir.op.Binary;
import dev.slim4j.ir.op.BinaryFunction;
import dev.slim4j.ir.op.Gemm;
import dev.slim4j.ir.op.MatMul;
import dev.slim4j.ir.op.Op;
import dev.slim4j.ir.rewrite.GraphIndex;
import dev.slim4j.ir.rewrite.Match;
import dev.slim4j.ir.rewrite.Pattern;
import dev.slim4j.ir.rewrite.Rewrite;
import dev.slim4j.ir.rewrite.Rule;
import dev.slim4j.tensor.Tensor;
import java.util.List;
import java.util.Optional;

/**
 * Turns {@code Add(MatMul(x, w), bias)} into {@code Gemm(x, w, bias)} when x and w are float32
 * matrices and bias is a constant [N] (N being w's column count): one op, and an epilogue add the
 * kernels do for free. The MatMul's output must be read by the Add alone and be no graph output.
 */
public final class FuseMatMulAdd implements Pass {
    private static final ApplyRewrites REWRITES = new ApplyRewrites("FuseMatMulAdd", List.of(new Rule(
            "Add(MatMul(x, w), bias) into Gemm",
            Pattern.op("add", FuseMatMulAdd::isAdd).commutative()
                    .input(0, Pattern.op("matmul", MatMul.class).singleUse().where(FuseActivation::float32Output)),
            FuseMatMulAdd::gemm)));

    @Override public Graph apply(Graph graph) { return REWRITES.apply(graph); }

    private static boolean isAdd(Op op) { return op instanceof Binary(BinaryFunction f) && f == BinaryFunction.ADD; }

    private static Optional<Rewrite> gemm(Match m, GraphIndex g) {
        Node add = m.root();
        Node mm = m.node("matmul");
        String bias = add.input(0).equals(mm.output(0)) ? add.input(1) : add.input(0);
        Optional<TensorType> x = g.type(mm.input(0));
        Optional<TensorType> w = g.type(mm.input(1));
        if (!isMatrix(x) || !isMatrix(w) || !w.get().dim(1).isFixed()) return Optional.empty();
        long n = w.get().dim(1).size();
        Optional<Tensor> b = g.constant(bias);
        if (b.isEmpty() || b.get().dtype() != w.get().dtype() || b.get().rank() != 1 || b.get().size() != n) {
            return Optional.empty();
        }
        Gemm op = new Gemm(1f, 1f, 0, 0, Optional.empty());
        return Rewrite.of(new Node(mm.name(), op, List.of(mm.input(0), mm.input(1), bias), add.outputs()));
    }

    private static boolean isMatrix(Optional<TensorType> t) {
        return t.isPresent() && t.get().hasRank() && t.get().rank() == 2;
    }
}
