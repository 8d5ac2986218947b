package dev.slim4j.compress.prune;

import dev.slim4j.ir.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Per-group sensitivity: each prunable group alone is cut at each ratio (its lowest-ranked channels
 * under one importance, no fine-tuning) and the model is measured, so the curves show which layers
 * tolerate pruning and which do not (Li et al.'s sensitivity scan).
 */
public final class PruningSensitivity {
    private PruningSensitivity() {}

    /** One group's curve: the accuracy measured at each ratio, and the channels each ratio removes. */
    public record Curve(int group, String root, int channels, List<Double> ratios, List<Integer> removed, List<Double> accuracy) {
        public Curve {
            ratios = List.copyOf(ratios);
            removed = List.copyOf(removed);
            accuracy = List.copyOf(accuracy);
        }
    }

    /** The unpruned accuracy and one curve per prunable group, in group order. */
    public record Result(double baseline, List<Curve> curves) {
        public Result {
            curves = List.copyOf(curves);
        }
    }

    public static Result measure(DependencyGraph graph, Importance importance, List<Double> ratios, ToDoubleFunction<Model> accuracy) {
        Objects.requireNonNull(accuracy, "accuracy");
        for (double r : ratios) {
            if (!(r > 0 && r < 1)) throw new IllegalArgumentException("sensitivity ratios must lie in (0, 1), found " + r);
        }
        double baseline = accuracy.applyAsDouble(graph.model());
        ChannelRanking ranking = ChannelRanking.of(graph, PruningConfig.defaults().withImportance(importance));
        List<Curve> curves = new ArrayList<>();
        for (PruningGroup g : graph.prunableGroups()) {
            List<Integer> removed = new ArrayList<>();
            List<Double> acc = new ArrayList<>();
            List<Integer> order = lowestFirst(ranking.scores(g.id()));
            for (double r : ratios) {
                int k = Math.min(g.size() - 1, (int) Math.floor(r * g.size()));
                removed.add(k);
                acc.add(k == 0 ? baseline
                        : accuracy.applyAsDouble(ChannelPruner.apply(graph, PruningPlan.none().withRemoved(g, order.subList(0, k)))));
            }
            curves.add(new Curve(g.id(), g.root(), g.size(), ratios, removed, acc));
        }
        return new Result(baseline, curves);
    }

    private static List<Integer> lowestFirst(double[] scores) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) order.add(i);
        order.sort((a, b) -> Double.compare(scores[a], scores[b]));
        return order;
    }
}
