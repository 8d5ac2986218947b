package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import java.util.List;

/** y = x for x > alpha, 0 otherwise. */
public record ThresholdedRelu(float alpha) implements ElementwiseOp {
    public static final float DEFAULT_ALPHA = 1.0f;

    @Override public String opType() { return "ThresholdedRelu"; }

    @Override public Attributes attributes() { return Attributes.builder().put("alpha", alpha).build(); }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) { return List.of(ctx.inputType(0)); }
}
