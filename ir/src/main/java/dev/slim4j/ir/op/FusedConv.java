package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import java.util.List;

/**
 * Y = activation(Conv(X, W, B) + Z): a convolution with its activation and an optional residual
 * input Z (same shape as Y) fused, written as ONNX Runtime's com.microsoft FusedConv so ONNX
 * Runtime loads it too. Inputs: X, W, optional B, optional Z.
 */
public record FusedConv(Conv conv, Activation activation) implements NnOp {
    public static final String DOMAIN = "com.microsoft";

    static FusedConv parse(Attributes a) {
        List<Float> params = a.optFloats("activation_params").orElse(List.of());
        return new FusedConv(Conv.parse(a.without("activation").without("activation_params")),
                Activation.of(a.getString("activation", ""), params));
    }

    @Override public String domain() { return DOMAIN; }

    @Override public String opType() { return "FusedConv"; }

    @Override public Attributes attributes() {
        Attributes.Builder b = Attributes.builder();
        conv.attributes().values().forEach(b::put);
        if (!(activation instanceof Activation.None)) b.put("activation", activation.onnxName());
        if (!activation.params().isEmpty()) b.putFloats("activation_params", activation.params());
        return b.build();
    }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) { return conv.inferTypes(ctx); }
}
