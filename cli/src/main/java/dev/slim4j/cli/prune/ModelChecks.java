package dev.slim4j.cli.prune;

import dev.slim4j.cli.UsageException;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Tensor;

/** What {@code prune} requires of a model before a stage that feeds it data, and of it after training. */
final class ModelChecks {
    private ModelChecks() {}

    /** The images of every data-using stage are Fashion-MNIST's: one float input [N, 1, 28, 28], 10 logits. */
    static void requireImageClassifier(Model m) {
        String why = "the training and measuring stages feed Fashion-MNIST images, float32[N, 1, 28, 28], and read 10 logits"
                + " (give --eval-size 0 and no training stage to prune without data)";
        var inputs = m.graph().runtimeInputs();
        if (inputs.size() != 1) {
            throw new UsageException("expected a model with one input; graph '" + m.graph().name() + "' has " + inputs.size() + " "
                    + inputs.stream().map(v -> v.name()).toList() + "; " + why);
        }
        var in = inputs.getFirst();
        var t = in.type();
        boolean ok = t == null || t.dtype() == DType.FLOAT32 && (!t.hasRank() || t.rank() == 4
                && !t.dim(0).isFixed() && fixedOr(t, 1, 1) && fixedOr(t, 2, 28) && fixedOr(t, 3, 28));
        if (!ok) {
            boolean fixedBatch = t.hasRank() && t.rank() == 4 && t.dim(0).isFixed();
            throw new UsageException("model input '" + in.name() + "' is " + t + (fixedBatch ? " (a fixed batch size: batches of"
                    + " --batch and of 256 test images need a dynamic first dim)" : "") + "; " + why);
        }
        if (m.graph().outputs().isEmpty()) throw new UsageException("graph '" + m.graph().name() + "' has no output; " + why);
        var o = m.graph().outputs().getFirst();
        var ot = o.type();
        if (ot != null && ot.hasRank() && (ot.rank() != 2 || !fixedOr(ot, 1, 10))) {
            throw new UsageException("model output '" + o.name() + "' is " + ot + ", expected float32[N, 10]; " + why);
        }
    }

    private static boolean fixedOr(TensorType t, int axis, long size) {
        return !t.dim(axis).isFixed() || t.dim(axis).size() == size;
    }

    /** Training that diverged leaves NaN or infinite weights; such a model is refused, not written. */
    static void requireFinite(String stage, Model before, Model after, double lr) {
        for (var e : after.graph().initializers().entrySet()) {
            Tensor t = e.getValue();
            if (t.dtype() != DType.FLOAT32 || finite(t) == t.size()) continue;
            Tensor was = before.graph().initializers().get(e.getKey());
            if (was != null && was.dtype() == t.dtype() && finite(was) < was.size()) continue; // not finite before either
            throw new IllegalStateException(stage + " diverged: parameter '" + e.getKey() + "' has " + (t.size() - finite(t)) + " of "
                    + t.size() + " values NaN or infinite after training at --lr " + lr
                    + "; nothing written, try a smaller --lr");
        }
    }

    private static long finite(Tensor t) {
        long n = 0;
        for (float v : t.floats()) if (Float.isFinite(v)) n++;
        return n;
    }
}
