package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import java.util.List;

/**
 * Elementwise remainder with broadcasting: with {@code fmod} false the result takes the divisor's
 * sign (Python %), with {@code fmod} true the dividend's (C fmod; required for floating point).
 */
public record Mod(boolean fmod) implements ElementwiseOp {
    @Override public String opType() { return "Mod"; }

    @Override public Attributes attributes() { return Attributes.builder().put("fmod", fmod ? 1L : 0L).build(); }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        TensorType a = ctx.inputType(0);
        return List.of(Broadcast.type(a.dtype(), List.of(a, ctx.inputType(1))));
    }
}
