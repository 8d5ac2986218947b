package dev.slim4j.ir;

import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.Set;

/**
 * An immutable computation graph in SSA form: every value is produced once, by a graph input, an
 * initializer or a node output. Nodes are kept in the order given (a verified graph is in
 * topological order). {@code valueInfo} holds known types of intermediate values;
 * {@code trainable} names the initializers a trainer may update. Passes build new graphs with
 * {@link #toBuilder()}; nothing here is ever mutated.
 */
public record Graph(
        String name,
        List<Node> nodes,
        List<Value> inputs,
        List<Value> outputs,
        SequencedMap<String, Tensor> initializers,
        SequencedMap<String, TensorType> valueInfo,
        Set<String> trainable,
        RawFields raw) {

    public Graph {
        nodes = List.copyOf(nodes);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        initializers = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(initializers));
        valueInfo = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(valueInfo));
        trainable = Collections.unmodifiableSet(new LinkedHashSet<>(trainable));
        if (name == null) name = "";
        if (raw == null) raw = RawFields.EMPTY;
    }

    public static Builder builder(String name) { return new Builder(name); }

    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.nodes.addAll(nodes);
        b.inputs.addAll(inputs);
        b.outputs.addAll(outputs);
        b.initializers.putAll(initializers);
        b.valueInfo.putAll(valueInfo);
        b.trainable.addAll(trainable);
        b.raw = raw;
        return b;
    }

    public Optional<Tensor> initializer(String valueName) { return Optional.ofNullable(initializers.get(valueName)); }

    /** Graph inputs that are not also initializers (ONNX allows an initializer to shadow an input). */
    public List<Value> runtimeInputs() {
        return inputs.stream().filter(v -> !initializers.containsKey(v.name())).toList();
    }

    /** The known type of a value: graph input/output, initializer, or value_info annotation. */
    public Optional<TensorType> typeOf(String valueName) {
        for (Value v : inputs) if (v.name().equals(valueName)) return Optional.of(v.type());
        Tensor t = initializers.get(valueName);
        if (t != null) return Optional.of(TensorType.of(t.dtype(), t.shape()));
        TensorType vi = valueInfo.get(valueName);
        if (vi != null) return Optional.of(vi);
        for (Value v : outputs) if (v.name().equals(valueName)) return Optional.of(v.type());
        return Optional.empty();
    }

    /** The node producing {@code valueName}, if any. */
    public Optional<Node> producer(String valueName) {
        for (Node n : nodes) if (n.outputs().contains(valueName)) return Optional.of(n);
        return Optional.empty();
    }

    /** Nodes reading {@code valueName}, in graph order. */
    public List<Node> consumers(String valueName) {
        List<Node> out = new ArrayList<>();
        for (Node n : nodes) if (n.inputs().contains(valueName)) out.add(n);
        return out;
    }

    /** Mutable staging area for building a new graph. */
    public static final class Builder {
        private String name;
        public final List<Node> nodes = new ArrayList<>();
        public final List<Value> inputs = new ArrayList<>();
        public final List<Value> outputs = new ArrayList<>();
        public final LinkedHashMap<String, Tensor> initializers = new LinkedHashMap<>();
        public final LinkedHashMap<String, TensorType> valueInfo = new LinkedHashMap<>();
        public final LinkedHashSet<String> trainable = new LinkedHashSet<>();
        private RawFields raw = RawFields.EMPTY;

        private Builder(String name) { this.name = name; }

        public Builder name(String n) { this.name = n; return this; }

        public Builder raw(RawFields r) { this.raw = r; return this; }

        public Builder node(Node n) { nodes.add(n); return this; }

        public Builder input(Value v) { inputs.add(v); return this; }

        public Builder output(Value v) { outputs.add(v); return this; }

        public Builder initializer(String valueName, Tensor t) { initializers.put(valueName, t); return this; }

        public Builder valueInfo(String valueName, TensorType t) { valueInfo.put(valueName, t); return this; }

        public Builder nodes(List<Node> ns) { nodes.clear(); nodes.addAll(ns); return this; }

        public Graph build() {
            return new Graph(name, nodes, inputs, outputs, initializers, valueInfo, trainable, raw);
        }
    }

    public static Map<String, Tensor> noInitializers() { return Map.of(); }
}
