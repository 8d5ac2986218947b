package dev.slim4j.compress.prune;

import dev.slim4j.ir.Model;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.train.optim.Optimizer;
import dev.slim4j.train.optim.Parameter;
import dev.slim4j.train.optim.ParameterSet;
import dev.slim4j.train.trainer.TrainingListener;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gradients first-order Taylor importance (Molchanov et al.) needs: the loss gradient of each
 * weight averaged over the batches a trainer runs, so that {@code |w * mean dL/dw|} estimates how much
 * the loss changes when the weight is set to zero. Attach it to a trainer (a short pass over the
 * training data), then hand {@link #meanGradients()} to {@code Importance.taylor}, which sums the
 * products per channel.
 */
public final class TaylorAccumulator implements TrainingListener {
    private final Map<String, double[]> sums = new LinkedHashMap<>();
    private final Map<String, Shape> shapes = new LinkedHashMap<>();
    private long batches;

    /** Shapes of the parameters to score (usually every weight of a prunable layer), by name. */
    public TaylorAccumulator(Map<String, Shape> parameterShapes) { shapes.putAll(parameterShapes); }

    /** Scores the named initializers of {@code model}. */
    public static TaylorAccumulator of(Model model, Collection<String> names) {
        Map<String, Shape> s = new LinkedHashMap<>();
        for (String n : names) {
            Tensor t = model.graph().initializer(n).orElseThrow(() -> new IllegalArgumentException(
                    "no initializer '" + n + "' to score in graph '" + model.graph().name() + "'"));
            s.put(n, t.shape());
        }
        return new TaylorAccumulator(s);
    }

    @Override public void beforeUpdate(Optimizer optimizer) { accumulate(optimizer.parameters()); }

    /** Adds the current gradients of the scored parameters to the sums (one batch). */
    public void accumulate(ParameterSet parameters) {
        for (var e : shapes.entrySet()) {
            if (!parameters.names().contains(e.getKey())) continue;
            Parameter p = parameters.get(e.getKey());
            double[] s = sums.computeIfAbsent(e.getKey(), k -> new double[p.size()]);
            float[] g = p.gradient();
            for (int i = 0; i < g.length; i++) s[i] += g[i];
        }
        batches++;
    }

    public long batches() { return batches; }

    /** Mean {@code dL/dw} per weight, shaped like each parameter; empty before the first batch. */
    public Map<String, Tensor> meanGradients() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        if (batches == 0) return out;
        sums.forEach((name, s) -> {
            float[] f = new float[s.length];
            for (int i = 0; i < s.length; i++) f[i] = (float) (s[i] / batches);
            out.put(name, Tensor.ofFloats(shapes.get(name), f));
        });
        return out;
    }
}
