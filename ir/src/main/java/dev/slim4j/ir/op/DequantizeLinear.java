package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.DType;
import java.util.List;

/** y = (x - zero_point) * scale, per tensor or per {@code axis}. */
public record DequantizeLinear(long axis) implements QuantOp {
    @Override public String opType() { return "DequantizeLinear"; }

    @Override public Attributes attributes() { return Attributes.builder().put("axis", axis).build(); }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        TensorType x = ctx.inputType(0);
        return List.of(new TensorType(DType.FLOAT32, x.dims()));
    }
}
