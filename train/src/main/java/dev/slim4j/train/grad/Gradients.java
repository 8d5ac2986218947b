package dev.slim4j.train.grad;

import dev.slim4j.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;

/**
 * The result of a backward walk: d(loss)/d(value) for every trainable initializer (zeros when the
 * loss does not depend on it) and, when asked for, for every floating-point graph input. Each gradient
 * has its value's shape and element type.
 */
public record Gradients(SequencedMap<String, Tensor> parameters, SequencedMap<String, Tensor> inputs) {
    public Gradients {
        parameters = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(parameters));
        inputs = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(inputs));
    }

    /** The gradient of trainable initializer {@code name}; fails naming the known parameters otherwise. */
    public Tensor parameter(String name) { return find(parameters, name, "trainable initializer"); }

    /** The gradient of graph input {@code name}; fails naming the known inputs otherwise. */
    public Tensor input(String name) { return find(inputs, name, "graph input"); }

    private static Tensor find(Map<String, Tensor> map, String name, String what) {
        Tensor t = map.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no gradient for " + what + " '" + name + "', expected one of " + map.keySet());
        }
        return t;
    }
}
