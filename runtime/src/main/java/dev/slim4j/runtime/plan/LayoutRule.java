package dev.slim4j.runtime.plan;

import dev.slim4j.tensor.Shape;

/**
 * Ops that only reinterpret their input's elements (Reshape, Flatten, Squeeze, Unsqueeze, Identity, inference
 * Dropout): the output aliases the input's arena buffer with a new shape and no step runs; an input outside the
 * arena (a graph input or a reference result) is copied into the arena once.
 */
final class LayoutRule {
    private LayoutRule() {}

    static Choice view(NodeView v) {
        if (!v.staticFloat(0) || v.in(0) == null) return Choice.reference("not float32 with static shapes");
        for (int o = 1; o < v.node().outputs().size(); o++) {
            if (!v.node().output(o).isEmpty()) return Choice.reference("extra outputs requested");
        }
        Shape out = v.out(0);
        if (out.size() != v.in(0).size()) return Choice.reference("element count changes");
        return Choice.fast("alias", "same elements, new shape: no copy", p -> {
            Operand x = v.read(0);
            if (x instanceof Operand.Arena a) {
                p.alias(v.node().output(0), a, out);
                return null;
            }
            return new CopyStep((int) out.size(), x, v.write(0));
        });
    }

    /** Dropout in inference: the identity (ratio ignored) when no mask is requested and training is off. */
    static Choice dropout(NodeView v) {
        if (v.has(2)) {
            var training = v.constant(2);
            if (training == null || training.getBoolean(0)) return Choice.reference("training_mode may be true");
        }
        return view(v);
    }
}
