package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import java.util.List;

/**
 * Y = activation(Gemm(A, B, C)), written as ONNX Runtime's com.microsoft FusedGemm (activation
 * parameters as activation_alpha / activation_beta).
 */
public record FusedGemm(Gemm gemm, Activation activation) implements NnOp {
    static FusedGemm parse(Attributes a) {
        List<Float> params = new java.util.ArrayList<>();
        a.optFloat("activation_alpha").ifPresent(params::add);
        a.optFloat("activation_beta").ifPresent(params::add);
        Attributes plain = a.without("activation").without("activation_alpha").without("activation_beta")
                .without("activation_gamma");
        return new FusedGemm(Gemm.parse(plain), Activation.of(a.getString("activation", ""), params));
    }

    @Override public String domain() { return FusedConv.DOMAIN; }

    @Override public String opType() { return "FusedGemm"; }

    @Override public Attributes attributes() {
        Attributes.Builder b = Attributes.builder();
        gemm.attributes().values().forEach(b::put);
        if (!(activation instanceof Activation.None)) b.put("activation", activation.onnxName());
        List<Float> p = activation.params();
        if (p.size() > 0) b.put("activation_alpha", p.get(0));
        if (p.size() > 1) b.put("activation_beta", p.get(1));
        return b.build();
    }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) { return gemm.inferTypes(ctx); }
}
