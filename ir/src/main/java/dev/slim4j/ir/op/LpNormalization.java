package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import java.util.List;

/** y = x / ||x||_p along {@code axis}, p being 1 or 2. */
public record LpNormalization(long axis, long p) implements NnOp {
    public LpNormalization {
        if (p != 1 && p != 2) throw new IllegalArgumentException("LpNormalization: expected p 1 or 2, found " + p);
    }

    static LpNormalization parse(Attributes a) { return new LpNormalization(a.getInt("axis", -1), a.getInt("p", 2)); }

    @Override public String opType() { return "LpNormalization"; }

    @Override public Attributes attributes() { return Attributes.builder().put("axis", axis).put("p", p).build(); }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) { return List.of(ctx.inputType(0)); }
}
