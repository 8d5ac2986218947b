package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import java.util.List;

/** y = scale[c] * (x - mean) / sqrt(var + epsilon) + B[c], statistics per (n, c) over the spatial axes. */
public record InstanceNormalization(float epsilon) implements NnOp {
    static InstanceNormalization parse(Attributes a) { return new InstanceNormalization(a.getFloat("epsilon", 1e-5f)); }

    @Override public String opType() { return "InstanceNormalization"; }

    @Override public Attributes attributes() { return Attributes.builder().put("epsilon", epsilon).build(); }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) { return List.of(ctx.inputType(0)); }
}
