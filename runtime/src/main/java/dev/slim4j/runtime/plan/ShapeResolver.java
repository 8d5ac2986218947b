package dev.slim4j.runtime.plan;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.TensorType;
import dev.slim4j.ir.TypeInference;
import dev.slim4j.ir.Value;
import dev.slim4j.ir.op.OpaqueOp;
import dev.slim4j.ir.op.ShapeOf;
import dev.slim4j.runtime.reference.ReferenceOps;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Types of every value for concrete input shapes, with constant propagation: a node whose inputs are all
 * constants is evaluated once here (with the reference ops) and its outputs become constants, and Shape of a
 * value of static shape is a constant, so that shape subgraphs (Shape, Gather, Concat -> Reshape) resolve.
 */
final class ShapeResolver {
    private final TypeInference inference;
    private final Set<Node> folded = new HashSet<>();

    private ShapeResolver(TypeInference inference) {
        this.inference = inference;
    }

    static ShapeResolver resolve(Graph g, List<Node> order, Map<String, Shape> inputShapes,
                                 ToLongFunction<String> opsets) {
        ShapeResolver r = new ShapeResolver(TypeInference.seeded(g, opsets));
        for (Value v : g.runtimeInputs()) {
            Shape s = inputShapes.get(v.name());
            if (s != null) r.inference.declare(v.name(), TensorType.of(v.type().dtype(), s));
        }
        for (Node n : order) r.visit(n);
        return r;
    }

    private void visit(Node n) {
        Optional<List<Tensor>> values = fold(n);
        if (values.isPresent()) {
            folded.add(n);
            List<Tensor> outs = values.get();
            for (int i = 0; i < n.outputs().size() && i < outs.size(); i++) {
                if (!n.output(i).isEmpty() && outs.get(i) != null) inference.declareConstant(n.output(i), outs.get(i));
            }
            return;
        }
        try {
            inference.infer(n, name -> Optional.empty());
        } catch (RuntimeException e) {
            // left untyped: the node then runs through the reference op, which reports the problem
        }
    }

    /** The outputs of {@code n} when they can be computed now, else empty. */
    private Optional<List<Tensor>> fold(Node n) {
        if (n.op() instanceof OpaqueOp) return Optional.empty();
        if (n.op() instanceof ShapeOf s) {
            Optional<TensorType> t = inference.type(n.input(0));
            if (t.isEmpty() || !t.get().isStatic()) return Optional.empty();
            long[] dims = t.get().shape().toLongArray();
            int rank = dims.length;
            long[] part = java.util.Arrays.copyOfRange(dims, s.from(rank), s.to(rank));
            return Optional.of(List.of(Tensor.vector(part)));
        }
        Optional<Tensor> constant = TypeInference.constantOf(n);
        if (constant.isPresent()) return Optional.of(List.of(constant.get()));
        List<Tensor> args = new ArrayList<>();
        boolean any = false;
        for (String in : n.inputs()) {
            if (in.isEmpty()) {
                args.add(null);
                continue;
            }
            Optional<Tensor> c = inference.constant(in);
            if (c.isEmpty()) return Optional.empty();
            args.add(c.get());
            any = true;
        }
        if (!any) return Optional.empty();
        try {
            return Optional.of(ReferenceOps.evaluate(n.op(), args, n.outputs().size()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    boolean isFolded(Node n) {
        return folded.contains(n);
    }

    Optional<Tensor> constant(String value) {
        return inference.constant(value);
    }

    /** The static shape of {@code value}, or null when it is not known before running. */
    Shape staticShape(String value) {
        Optional<TensorType> t = inference.type(value);
        return t.isPresent() && t.get().isStatic() ? t.get().shape() : null;
    }

    /** The element type of {@code value}, or null when not known. */
    DType dtype(String value) {
        return inference.type(value).map(TensorType::dtype).orElse(null);
    }
}
