package dev.slim4j.ir;

import dev.slim4j.ir.op.InferenceContext;
import dev.slim4j.ir.op.UnsupportedOpException;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.ShapeException;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Types of the values of a graph, computed node by node in order with each op's own inference.
 * Known constant values (initializers, Constant nodes) are offered to ops that need them. A node
 * whose op cannot say (an {@link dev.slim4j.ir.op.OpaqueOp}, or an input of unknown type) keeps its
 * annotated type, if any; an inferred type is refined by an annotation where the annotation knows more.
 * An op that rejects its inputs fails with a {@link ShapeException} naming the node.
 */
public final class TypeInference {
    private final ToLongFunction<String> opsets;
    private final Map<String, TensorType> types = new HashMap<>();
    private final Map<String, Tensor> constants = new HashMap<>();

    /** @param opsets the imported opset version per domain ("" for ONNX), e.g. {@code model::opset} */
    public TypeInference(ToLongFunction<String> opsets) { this.opsets = opsets; }

    /** Opset {@link Model#DEFAULT_OPSET} for the ONNX domain and 1 for any other. */
    public static ToLongFunction<String> defaultOpsets() {
        return domain -> domain.isEmpty() || domain.equals("ai.onnx") ? Model.DEFAULT_OPSET : 1;
    }

    /** Inference seeded with a graph's inputs and initializers (initializers shadowed by inputs are not constant). */
    public static TypeInference seeded(Graph g, ToLongFunction<String> opsets) {
        TypeInference ti = new TypeInference(opsets);
        g.initializers().forEach((name, t) -> ti.declareConstant(name, t));
        for (Value v : g.inputs()) {
            if (g.initializers().containsKey(v.name())) ti.constants.remove(v.name());
            ti.declare(v.name(), v.type());
        }
        return ti;
    }

    /**
     * A copy of {@code g} whose value_info holds the type of every node output that is not a graph
     * output, and whose outputs carry the refined types.
     */
    public static Graph annotate(Graph g, ToLongFunction<String> opsets) {
        TypeInference ti = seeded(g, opsets);
        Map<String, TensorType> outputTypes = new HashMap<>();
        for (Value v : g.outputs()) outputTypes.put(v.name(), v.type());
        LinkedHashMap<String, TensorType> info = new LinkedHashMap<>();
        for (Node n : g.nodes()) {
            List<Optional<TensorType>> out = ti.infer(n, name -> Optional.ofNullable(
                    outputTypes.getOrDefault(name, g.valueInfo().get(name))));
            for (int i = 0; i < out.size(); i++) {
                String name = n.output(i);
                if (!outputTypes.containsKey(name)) out.get(i).ifPresent(t -> info.put(name, t));
            }
        }
        g.valueInfo().forEach((name, t) -> info.putIfAbsent(name, t));
        Graph.Builder b = g.toBuilder();
        b.valueInfo.clear();
        b.valueInfo.putAll(info);
        b.outputs.replaceAll(v -> new Value(v.name(), ti.type(v.name()).orElse(v.type())));
        return b.build();
    }

    public void declare(String value, TensorType type) { types.put(value, type); }

    public void declareConstant(String value, Tensor t) {
        types.put(value, TensorType.of(t.dtype(), t.shape()));
        constants.put(value, t);
    }

    public Optional<TensorType> type(String value) { return Optional.ofNullable(types.get(value)); }

    public Optional<Tensor> constant(String value) { return Optional.ofNullable(constants.get(value)); }

    /**
     * Infers and records the types of {@code n}'s outputs (one entry per listed output, empty when
     * unknown), refining each with {@code annotation} (value_info) where that knows more.
     */
    public List<Optional<TensorType>> infer(Node n, Function<String, Optional<TensorType>> annotation) {
        Optional<Tensor> constant = constantOf(n);
        constant.ifPresent(t -> constants.put(n.output(0), t));
        List<TensorType> inferred = constant.map(t -> List.of(TensorType.of(t.dtype(), t.shape())))
                .orElseGet(() -> inferOp(n));
        List<Optional<TensorType>> result = new ArrayList<>();
        for (int i = 0; i < n.outputs().size(); i++) {
            String name = n.output(i);
            Optional<TensorType> fromOp = i < inferred.size() ? Optional.of(inferred.get(i)) : Optional.empty();
            Optional<TensorType> t = name.isEmpty() ? Optional.empty() : refine(fromOp, annotation.apply(name));
            t.ifPresent(type -> types.put(name, type));
            result.add(t);
        }
        return result;
    }

    private List<TensorType> inferOp(Node n) {
        for (String in : n.inputs()) {
            if (!in.isEmpty() && !types.containsKey(in)) return List.of();
        }
        try {
            return n.op().inferTypes(new Context(n));
        } catch (UnsupportedOpException | NoSuchElementException | IllegalStateException e) {
            return List.of();
        } catch (ShapeException | IllegalArgumentException e) {
            ShapeException named = new ShapeException("node " + n.describe() + ": " + e.getMessage());
            named.initCause(e);
            throw named;
        }
    }

    /** The value of a Constant node (attribute value, value_float(s) or value_int(s)), if it has one. */
    public static Optional<Tensor> constantOf(Node n) {
        if (!n.op().opType().equals("Constant") || !n.op().domain().isEmpty()) return Optional.empty();
        Attributes a = n.op().attributes();
        if (a.optTensor("value").isPresent()) return a.optTensor("value");
        Optional<java.lang.Float> f = a.optFloat("value_float");
        if (f.isPresent()) return Optional.of(Tensor.scalar(f.get()));
        Optional<Long> i = a.optInt("value_int");
        if (i.isPresent()) return Optional.of(Tensor.scalarLong(i.get()));
        Optional<List<Long>> ints = a.optInts("value_ints");
        if (ints.isPresent()) return Optional.of(Tensor.vector(ints.get().stream().mapToLong(Long::longValue).toArray()));
        return a.optFloats("value_floats").map(fs -> {
            Tensor t = Tensor.allocate(DType.FLOAT32, Shape.of(fs.size()));
            for (int k = 0; k < fs.size(); k++) t.setFloat(k, fs.get(k));
            return t;
        });
    }

    /** The inferred type with unknown parts filled from the annotation; either alone when the other is absent. */
    public static Optional<TensorType> refine(Optional<TensorType> inferred, Optional<TensorType> annotated) {
        if (inferred.isEmpty()) return annotated;
        if (annotated.isEmpty()) return inferred;
        TensorType a = inferred.get();
        TensorType b = annotated.get();
        if (!a.hasRank()) return b.dtype() == a.dtype() ? annotated : inferred;
        if (!b.hasRank() || b.rank() != a.rank()) return inferred;
        List<Dim> dims = new ArrayList<>();
        for (int i = 0; i < a.rank(); i++) {
            Dim d = a.dim(i);
            dims.add(d.isFixed() || b.dim(i) instanceof Dim.Unknown ? d : b.dim(i));
        }
        return Optional.of(TensorType.of(a.dtype(), dims));
    }

    /** Why two types of one value cannot both hold (element type, rank or a fixed size differ), if they cannot. */
    public static Optional<String> conflict(TensorType a, TensorType b) {
        if (a.dtype() != b.dtype()) return Optional.of("element type " + a.dtype() + " vs " + b.dtype());
        if (!a.hasRank() || !b.hasRank()) return Optional.empty();
        if (a.rank() != b.rank()) return Optional.of("rank " + a.rank() + " vs " + b.rank());
        for (int i = 0; i < a.rank(); i++) {
            Dim x = a.dim(i);
            Dim y = b.dim(i);
            if (x.isFixed() && y.isFixed() && x.size() != y.size()) {
                return Optional.of("dim " + i + " is " + x + " vs " + y);
            }
        }
        return Optional.empty();
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
            if (t == null) {
                throw new ShapeException("expected input " + i + " to be given, found "
                        + (node.input(i).isEmpty() ? "it omitted" : "'" + node.input(i) + "' of unknown type"));
            }
            return t;
        }

        @Override public Optional<Tensor> constantInput(int i) { return Optional.ofNullable(constants.get(node.input(i))); }

        @Override public long opset() { return opsets.applyAsLong(node.op().domain()); }
    }
}
