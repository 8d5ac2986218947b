package dev.slim4j.runtime;

import dev.slim4j.ir.Dim;
import dev.slim4j.ir.Graph;
import dev.slim4j.ir.TensorType;
import dev.slim4j.ir.Value;
import dev.slim4j.tensor.ShapeException;
import dev.slim4j.tensor.Tensor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks fed tensors against the graph's declared inputs: names, element types, ranks, fixed dims. */
final class InputCheck {
    private InputCheck() {}

    static Map<String, Tensor> validate(Graph g, Map<String, Tensor> feeds) {
        List<Value> expected = g.runtimeInputs();
        List<String> names = expected.stream().map(Value::name).toList();
        Map<String, Tensor> out = new HashMap<>();
        for (var e : feeds.entrySet()) {
            boolean known = names.contains(e.getKey()) || g.initializers().containsKey(e.getKey());
            if (!known) {
                throw new IllegalArgumentException("unknown input '" + e.getKey() + "', expected one of " + names);
            }
            out.put(e.getKey(), e.getValue());
        }
        for (Value v : expected) {
            Tensor t = feeds.get(v.name());
            if (t == null) throw new IllegalArgumentException("missing input '" + v.name() + "' of type " + v.type());
            check(v, t);
        }
        return out;
    }

    private static void check(Value v, Tensor t) {
        TensorType type = v.type();
        if (type.dtype() != t.dtype()) {
            throw new IllegalArgumentException("input '" + v.name() + "' should be " + type.dtype() + " but is " + t.dtype());
        }
        if (!type.hasRank()) return;
        if (type.rank() != t.rank()) {
            throw new ShapeException("input '" + v.name() + "' should have shape " + type + " but has " + t.shape());
        }
        for (int i = 0; i < t.rank(); i++) {
            if (type.dim(i) instanceof Dim.Fixed f && f.size() != t.shape().dim(i)) {
                throw new ShapeException("input '" + v.name() + "' should have shape " + type + " but has " + t.shape());
            }
        }
    }
}
