package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import java.util.List;
import java.util.Optional;

/**
 * y = min(max(x, min), max). From opset 11 the bounds are optional inputs 1 and 2 and both fields
 * are empty; before opset 11 they are the {@code min} / {@code max} attributes kept here.
 */
public record Clip(Optional<Float> min, Optional<Float> max) implements ElementwiseOp {
    /** The opset-11+ form, bounds given as inputs. */
    public static Clip withInputBounds() { return new Clip(Optional.empty(), Optional.empty()); }

    @Override public String opType() { return "Clip"; }

    @Override public Attributes attributes() {
        Attributes.Builder b = Attributes.builder();
        min.ifPresent(v -> b.put("min", v));
        max.ifPresent(v -> b.put("max", v));
        return b.build();
    }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) { return List.of(ctx.inputType(0)); }
}
