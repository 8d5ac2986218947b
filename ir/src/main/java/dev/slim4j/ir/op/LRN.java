package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import java.util.List;

/**
 * Local response normalization across channels: y = x / (bias + alpha / size * sum of x^2 over the
 * {@code size} channels around c) ^ beta.
 */
public record LRN(float alpha, float beta, float bias, long size) implements NnOp {
    static LRN parse(Attributes a) {
        return new LRN(a.getFloat("alpha", 1e-4f), a.getFloat("beta", 0.75f), a.getFloat("bias", 1f),
                a.requireInt("size"));
    }

    @Override public String opType() { return "LRN"; }

    @Override public Attributes attributes() {
        return Attributes.builder().put("alpha", alpha).put("beta", beta).put("bias", bias).put("size", size).build();
    }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) { return List.of(ctx.inputType(0)); }
}
