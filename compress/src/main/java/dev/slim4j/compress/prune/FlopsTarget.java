package dev.slim4j.compress.prune;

import dev.slim4j.ir.Model;
import dev.slim4j.ir.metrics.ModelMetrics;
import java.util.function.DoubleFunction;

/**
 * A MAC budget instead of a ratio ({@code --flops-target R}): the largest pruning ratio, found by
 * bisection over {@link ChannelRanking#plan(double)}, whose pruned model keeps at most {@code keep}
 * of the original MACs (as {@link ModelMetrics} counts them). If even the largest ratio cannot get
 * there, that plan is returned and {@link Result#reached()} says so.
 */
public final class FlopsTarget {
    /** The plan found, the MACs before and after, and whether the target was met. */
    public record Result(PruningPlan plan, double ratio, long macsBefore, long macsAfter, boolean reached) {
        public double keptFraction() { return macsBefore == 0 ? 1 : (double) macsAfter / macsBefore; }
    }

    private FlopsTarget() {}

    public static Result solve(DependencyGraph graph, PruningConfig config, double keep) {
        if (!(keep > 0 && keep <= 1)) throw new IllegalArgumentException("expected a FLOPs target in (0, 1], found " + keep);
        return solve(graph, ChannelRanking.of(graph, config)::plan, keep);
    }

    /**
     * The same bisection over any plan of a ratio whose MACs fall as the ratio grows ({@code planAt}); used by
     * criteria that do not rank channels up front (ThiNet-style reconstruction counts its cut per ratio).
     */
    public static Result solve(DependencyGraph graph, DoubleFunction<PruningPlan> planAt, double keep) {
        if (!(keep > 0 && keep <= 1)) throw new IllegalArgumentException("expected a FLOPs target in (0, 1], found " + keep);
        long before = ModelMetrics.measure(graph.model()).macs();
        double lo = 0;
        double hi = 0.99;
        PruningPlan best = PruningPlan.none();
        long bestMacs = before;
        double bestRatio = 0;
        if (keep >= 1) return new Result(best, 0, before, before, true);
        for (int step = 0; step < 14; step++) {
            double mid = (lo + hi) / 2;
            PruningPlan plan = planAt.apply(mid);
            long macs = macs(graph, plan);
            if (macs <= keep * before) {
                best = plan;
                bestMacs = macs;
                bestRatio = mid;
                hi = mid;
            } else {
                lo = mid;
            }
        }
        if (bestMacs > keep * before) {
            PruningPlan plan = planAt.apply(0.99);
            long macs = macs(graph, plan);
            return new Result(plan, 0.99, before, macs, macs <= keep * before);
        }
        return new Result(best, bestRatio, before, bestMacs, true);
    }

    private static long macs(DependencyGraph graph, PruningPlan plan) {
        Model pruned = ChannelPruner.apply(graph, plan);
        return ModelMetrics.measure(pruned).macs();
    }
}
