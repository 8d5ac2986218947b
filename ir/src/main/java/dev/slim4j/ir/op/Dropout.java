package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.DType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Dropout at inference: y = x, and the optional mask output is all true. {@code ratio} is the
 * attribute form (up to opset 11); from opset 12 ratio and training_mode are inputs 1 and 2 and
 * {@code seed} may be set. Training mode with a non-zero ratio is random and is not supported.
 */
public record Dropout(Optional<Float> ratio, Optional<Long> seed) implements ShapeOp {
    public static final float DEFAULT_RATIO = 0.5f;

    @Override public String opType() { return "Dropout"; }

    @Override public Attributes attributes() {
        Attributes.Builder b = Attributes.builder();
        ratio.ifPresent(r -> b.put("ratio", r));
        seed.ifPresent(s -> b.put("seed", s));
        return b.build();
    }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        TensorType x = ctx.inputType(0);
        List<TensorType> out = new ArrayList<>(List.of(x));
        if (ctx.outputCount() > 1) out.add(x.withDtype(DType.BOOL));
        return out;
    }
}
