package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import java.util.List;

/** y = x for x >= 0, alpha * x otherwise. */
public record LeakyRelu(float alpha) implements ElementwiseOp {
    public static final float DEFAULT_ALPHA = 0.01f;

    @Override public String opType() { return "LeakyRelu"; }

    @Override public Attributes attributes() { return Attributes.builder().put("alpha", alpha).build(); }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) { return List.of(ctx.inputType(0)); }
}
