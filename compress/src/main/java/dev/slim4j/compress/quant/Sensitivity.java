package dev.slim4j.compress.quant;

import dev.slim4j.ir.Model;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Per-layer sensitivity: for each node the config would quantize, the model with only that node
 * quantized (same calibrated scales) is scored; the result lists nodes from the largest accuracy drop
 * down. {@link #fallback} keeps the most sensitive nodes in float, one more at a time, until the drop
 * of the whole quantized model is within a budget (the accuracy-aware mode).
 */
public final class Sensitivity {
    private final Quantizer quantizer;
    private final ToDoubleFunction<Model> score;

    /** {@code score} is an accuracy in percent (higher is better), for instance {@link Accuracy#top1}. */
    public Sensitivity(Quantizer quantizer, ToDoubleFunction<Model> score) {
        this.quantizer = quantizer;
        this.score = score;
    }

    /** Sensitivities of every target of {@code prepared}, largest drop first. */
    public List<LayerSensitivity> analyze(Prepared prepared, ScaleTable scales, double floatAccuracy) {
        List<String> targets = prepared.targets().stream().map(t -> t.node().name()).toList();
        List<LayerSensitivity> out = new ArrayList<>();
        for (Target t : prepared.targets()) {
            Set<String> others = new LinkedHashSet<>(targets);
            others.remove(t.node().name());
            double acc = score.applyAsDouble(convertWithout(prepared, scales, others));
            out.add(new LayerSensitivity(t.node().name(), t.node().op().opType(), acc, floatAccuracy - acc));
        }
        out.sort(Comparator.comparingDouble(LayerSensitivity::drop).reversed());
        return out;
    }

    /** The outcome of {@link #fallback}: the model, the nodes kept in float, its accuracy and whether the budget was met. */
    public record Fallback(Model model, List<String> floatNodes, double accuracy, boolean met) {}

    /**
     * Quantizes everything, then keeps nodes in float in the order of {@code ranking} (most sensitive
     * first) until {@code floatAccuracy - accuracy <= maxDrop}; when even one quantized node is too many,
     * returns the last attempt with {@code met} false.
     */
    public Fallback fallback(Prepared prepared, ScaleTable scales, double floatAccuracy, double maxDrop, List<LayerSensitivity> ranking) {
        if (!(maxDrop >= 0)) throw new IllegalArgumentException("the accuracy drop budget must be >= 0 points, found " + maxDrop);
        List<String> kept = new ArrayList<>();
        Model m = convertWithout(prepared, scales, Set.of());
        double acc = score.applyAsDouble(m);
        for (LayerSensitivity s : ranking) {
            if (floatAccuracy - acc <= maxDrop) return new Fallback(m, List.copyOf(kept), acc, true);
            if (kept.size() == ranking.size() - 1) break;
            kept.add(s.node());
            m = convertWithout(prepared, scales, new LinkedHashSet<>(kept));
            acc = score.applyAsDouble(m);
        }
        return new Fallback(m, List.copyOf(kept), acc, floatAccuracy - acc <= maxDrop);
    }

    private Model convertWithout(Prepared prepared, ScaleTable scales, Set<String> floatNodes) {
        Quantizer q = new Quantizer(quantizer.config().withExcluded(floatNodes, Set.of()));
        return q.convert(q.prepare(prepared.model()), scales);
    }
}
