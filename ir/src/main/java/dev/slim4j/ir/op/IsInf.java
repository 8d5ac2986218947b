package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.DType;
import java.util.List;

/** BOOL y = x is +infinity (when detect_positive) or -infinity (when detect_negative). */
public record IsInf(boolean detectNegative, boolean detectPositive) implements ElementwiseOp {
    @Override public String opType() { return "IsInf"; }

    @Override public Attributes attributes() {
        return Attributes.builder().put("detect_negative", detectNegative ? 1L : 0L)
                .put("detect_positive", detectPositive ? 1L : 0L).build();
    }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        return List.of(ctx.inputType(0).withDtype(DType.BOOL));
    }
}
