package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import java.util.List;

/** y = max(0, min(1, alpha * x + beta)). */
public record HardSigmoid(float alpha, float beta) implements ElementwiseOp {
    public static final float DEFAULT_ALPHA = 0.2f;
    public static final float DEFAULT_BETA = 0.5f;

    @Override public String opType() { return "HardSigmoid"; }

    @Override public Attributes attributes() {
        return Attributes.builder().put("alpha", alpha).put("beta", beta).build();
    }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) { return List.of(ctx.inputType(0)); }
}
