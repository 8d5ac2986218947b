package dev.slim4j.compress.prune;

import java.util.Objects;

/**
 * What {@link ChannelRanking} removes: the criterion, the fraction of channels to remove, whether
 * the fraction applies per group or to one global ranking (with each group's scores normalized),
 * the largest fraction any one group may lose, and a multiple that each group's kept count is
 * rounded to (1: none; 8 suits SIMD kernels). Nonsense values fail here.
 */
public record PruningConfig(Importance importance, double ratio, Scope scope, ScoreNormalization normalization,
                            double maxGroupRatio, int roundTo) {
    public PruningConfig {
        Objects.requireNonNull(importance, "importance");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(normalization, "normalization");
        if (!(ratio >= 0 && ratio < 1)) throw new IllegalArgumentException("expected a pruning ratio in [0, 1), found " + ratio);
        if (!(maxGroupRatio >= 0 && maxGroupRatio < 1)) {
            throw new IllegalArgumentException("expected a maximum group ratio in [0, 1), found " + maxGroupRatio);
        }
        if (roundTo < 1) throw new IllegalArgumentException("expected roundTo >= 1, found " + roundTo);
    }

    /** L1 norm, 30% of the channels of every group, mean-normalized scores, at most 90% per group, no rounding. */
    public static PruningConfig defaults() {
        return new PruningConfig(Importance.l1(), 0.3, Scope.PER_GROUP, ScoreNormalization.MEAN, 0.9, 1);
    }

    public PruningConfig withImportance(Importance i) { return new PruningConfig(i, ratio, scope, normalization, maxGroupRatio, roundTo); }

    public PruningConfig withRatio(double r) { return new PruningConfig(importance, r, scope, normalization, maxGroupRatio, roundTo); }

    public PruningConfig withScope(Scope s) { return new PruningConfig(importance, ratio, s, normalization, maxGroupRatio, roundTo); }

    public PruningConfig withNormalization(ScoreNormalization n) {
        return new PruningConfig(importance, ratio, scope, n, maxGroupRatio, roundTo);
    }

    public PruningConfig withMaxGroupRatio(double m) { return new PruningConfig(importance, ratio, scope, normalization, m, roundTo); }

    public PruningConfig withRoundTo(int k) { return new PruningConfig(importance, ratio, scope, normalization, maxGroupRatio, k); }
}
