package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import java.util.List;

/** y = max(0, x) + min(0, alpha * (exp(x / alpha) - 1)). */
public record Celu(float alpha) implements ElementwiseOp {
    public static final float DEFAULT_ALPHA = 1.0f;

    @Override public String opType() { return "Celu"; }

    @Override public Attributes attributes() { return Attributes.builder().put("alpha", alpha).build(); }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) { return List.of(ctx.inputType(0)); }
}
