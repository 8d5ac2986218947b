package dev.slim4j.ir.metrics;

import dev.slim4j.ir.Dim;
import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.TensorType;
import dev.slim4j.ir.Value;
import dev.slim4j.ir.op.InferenceContext;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Known types of every value for measuring: graph inputs with symbolic or unknown dims taken as 1
 * (each substitution is recorded as an assumption), initializers, then each node's outputs from the
 * op's own type inference, falling back to the graph's value_info and output annotations where
 * inference cannot tell (an annotation with a static shape always wins over a non-static inference).
 */
final class ShapePropagation {
    private final Model model;
    private final Map<String, TensorType> types = new HashMap<>();
    private final Map<String, Tensor> constants = new HashMap<>();
    private final List<String> assumptions = new ArrayList<>();

    private ShapePropagation(Model model) { this.model = model; }

    static ShapePropagation of(Model model) {
        ShapePropagation s = new ShapePropagation(model);
        s.propagate();
        return s;
    }

    Optional<TensorType> type(String value) { return Optional.ofNullable(types.get(value)); }

    /** The static shape of a value, if known. */
    Optional<long[]> shape(String value) {
        TensorType t = types.get(value);
        return t != null && t.isStatic() ? Optional.of(t.shape().toLongArray()) : Optional.empty();
    }

    List<String> assumptions() { return List.copyOf(assumptions); }

    private void propagate() {
        Graph g = model.graph();
        g.initializers().forEach((name, t) -> {
            types.put(name, TensorType.of(t.dtype(), t.shape()));
            constants.put(name, t);
        });
        for (Value v : g.runtimeInputs()) types.put(v.name(), concreteInput(v));
        for (Node n : g.nodes()) {
            if (n.op().opType().equals("Constant") && n.op().domain().isEmpty()) {
                n.op().attributes().optTensor("value").ifPresent(t -> constants.put(n.output(0), t));
            }
            List<TensorType> inferred = infer(n);
            for (int i = 0; i < n.outputs().size(); i++) {
                String out = n.outputs().get(i);
                if (out.isEmpty()) continue;
                TensorType fromOp = i < inferred.size() ? inferred.get(i) : null;
                TensorType annotated = g.typeOf(out).orElse(null);
                TensorType best = choose(fromOp, annotated);
                if (best != null) types.put(out, best);
            }
        }
    }

    private static TensorType choose(TensorType fromOp, TensorType annotated) {
        if (annotated != null && (annotated.isStatic() || fromOp == null || !fromOp.hasRank())) return annotated;
        return fromOp;
    }

    private TensorType concreteInput(Value v) {
        TensorType t = v.type();
        if (!t.hasRank()) return t;
        List<Dim> dims = new ArrayList<>();
        for (int i = 0; i < t.rank(); i++) {
            Dim d = t.dim(i);
            if (!d.isFixed()) {
                assumptions.add("input '" + v.name() + "' dim " + i + " (" + d + ") taken as 1");
                d = Dim.of(1);
            }
            dims.add(d);
        }
        return TensorType.of(t.dtype(), dims);
    }

    private List<TensorType> infer(Node n) {
        try {
            return n.op().inferTypes(new Context(n));
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** Inference view of one node over the types known so far. */
    private final class Context implements InferenceContext {
        private final Node node;

        Context(Node node) { this.node = node; }

        @Override public int inputCount() { return node.inputs().size(); }

        @Override public int outputCount() { return node.outputs().size(); }

        @Override public boolean hasInput(int i) { return !node.input(i).isEmpty(); }

        @Override public TensorType inputType(int i) {
            TensorType t = types.get(node.input(i));
            if (t == null) throw new IllegalStateException("input " + i + " of " + node.describe() + " has no known type");
            return t;
        }

        @Override public Optional<Tensor> constantInput(int i) { return Optional.ofNullable(constants.get(node.input(i))); }

        @Override public long opset() { return model.opset(node.op().domain()); }
    }
}
