package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import java.util.List;

/** y = gamma * x for x > 0, gamma * alpha * (exp(x) - 1) otherwise. */
public record Selu(float alpha, float gamma) implements ElementwiseOp {
    public static final float DEFAULT_ALPHA = 1.67326319217681884765625f;
    public static final float DEFAULT_GAMMA = 1.05070102214813232421875f;

    @Override public String opType() { return "Selu"; }

    @Override public Attributes attributes() {
        return Attributes.builder().put("alpha", alpha).put("gamma", gamma).build();
    }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) { return List.of(ctx.inputType(0)); }
}
