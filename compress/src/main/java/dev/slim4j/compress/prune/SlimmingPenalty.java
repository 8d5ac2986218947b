package dev.slim4j.compress.prune;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.op.BatchNormalization;
import dev.slim4j.train.optim.Optimizer;
import dev.slim4j.train.optim.Parameter;
import dev.slim4j.train.optim.ParameterSet;
import dev.slim4j.train.trainer.TrainingListener;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Network Slimming's sparsity training (Liu et al. 2017): the loss gains {@code strength * sum |gamma|}
 * over the BatchNorm scales, so before each optimizer step {@code strength * sign(gamma)} is added to
 * their gradients (the subgradient, 0 at 0). The channels whose scales it drives towards zero are the
 * ones ranking by BatchNorm scale then removes. The reported loss excludes the penalty.
 */
public record SlimmingPenalty(double strength, Set<String> scales) implements TrainingListener {
    public SlimmingPenalty {
        if (!(strength >= 0) || Double.isInfinite(strength)) {
            throw new IllegalArgumentException("sparsity strength must be a finite value >= 0, found " + strength);
        }
        scales = Set.copyOf(scales);
    }

    /** The penalty on every BatchNormalization scale of {@code model} that is an initializer. */
    public static SlimmingPenalty of(Model model, double strength) {
        Set<String> names = batchNormScales(model.graph());
        if (names.isEmpty()) {
            throw new IllegalArgumentException("Network Slimming needs BatchNormalization layers with constant scales; graph '"
                    + model.graph().name() + "' has none");
        }
        return new SlimmingPenalty(strength, names);
    }

    /** The scale initializers of the graph's BatchNormalization nodes, in graph order. */
    public static Set<String> batchNormScales(Graph g) {
        Set<String> names = new LinkedHashSet<>();
        for (Node n : g.nodes()) {
            if (n.op() instanceof BatchNormalization && g.initializers().containsKey(n.input(1))) names.add(n.input(1));
        }
        return names;
    }

    @Override public void beforeUpdate(Optimizer optimizer) { addSubgradient(optimizer.parameters()); }

    /** Adds {@code strength * sign(gamma)} to the gradient of every scale in {@code parameters}. */
    public void addSubgradient(ParameterSet parameters) {
        if (strength == 0) return;
        float s = (float) strength;
        for (String name : scales) {
            if (!parameters.names().contains(name) || parameters.isFrozen(name)) continue;
            Parameter p = parameters.get(name);
            float[] g = p.gradient();
            float[] v = p.values();
            for (int i = 0; i < v.length; i++) g[i] += s * Math.signum(v[i]);
        }
    }

    /** Sum of |gamma| over the scales, from {@code model}'s initializers. */
    public static double l1(Model model, Set<String> scales) {
        double sum = 0;
        for (String name : scales) for (float v : model.graph().initializers().get(name).floats()) sum += Math.abs(v);
        return sum;
    }
}
