package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.Dim;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.ShapeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Y = (X - mean) / sqrt(var + epsilon) * scale + B per channel (axis 1). With training_mode 1 the
 * batch statistics are used and the updated running mean and variance are the extra outputs.
 * {@code isTest} and {@code spatial} are the attributes of opsets 6 and 7-8, kept for the writer.
 */
public record BatchNormalization(float epsilon, float momentum, long trainingMode, Optional<Long> isTest,
                                 Optional<Long> spatial) implements NnOp {
    static BatchNormalization parse(Attributes a) {
        long training = a.getInt("training_mode", 0);
        return new BatchNormalization(a.getFloat("epsilon", 1e-5f), a.getFloat("momentum", 0.9f), training,
                a.optInt("is_test"), a.optInt("spatial"));
    }

    /** True when the batch statistics normalize X (training_mode 1, or is_test 0 in opsets before 7). */
    public boolean usesBatchStatistics() { return trainingMode != 0 || isTest.map(v -> v == 0).orElse(false); }

    @Override public String opType() { return "BatchNormalization"; }

    @Override public Attributes attributes() {
        Attributes.Builder b = Attributes.builder().put("epsilon", epsilon).put("momentum", momentum);
        if (trainingMode != 0) b.put("training_mode", trainingMode);
        isTest.ifPresent(v -> b.put("is_test", v));
        spatial.ifPresent(v -> b.put("spatial", v));
        return b.build();
    }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        TensorType x = ctx.inputType(0);
        if (x.hasRank() && x.rank() < 2) {
            throw new ShapeException("BatchNormalization: expected X of rank >= 2 [N, C, ...], found " + x);
        }
        Dim c = x.hasRank() ? x.dim(1) : Dim.unknown();
        for (int i = 1; i < Math.min(5, ctx.inputCount()); i++) {
            if (ctx.hasInput(i)) checkChannelVector(i, ctx.inputType(i), c);
        }
        List<TensorType> out = new ArrayList<>(List.of(x));
        for (int i = 1; i < ctx.outputCount(); i++) {
            out.add(TensorType.of(ctx.inputType(Math.min(i + 2, 4)).dtype(), List.of(c)));
        }
        return out;
    }

    private static void checkChannelVector(int input, TensorType t, Dim c) {
        if (!t.hasRank()) return;
        boolean fits = t.rank() == 1 && (!c.isFixed() || !t.dim(0).isFixed() || t.dim(0).size() == c.size());
        if (!fits) {
            throw new ShapeException("BatchNormalization: expected input " + input + " of shape [" + c + "], found " + t);
        }
    }
}
