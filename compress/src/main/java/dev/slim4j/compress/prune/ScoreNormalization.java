package dev.slim4j.compress.prune;

/** How a group's scores are scaled before a global ranking compares groups (per-group ranking is unaffected). */
public enum ScoreNormalization {
    NONE, MEAN, MAX, SUM;

    double[] apply(double[] scores) {
        double d = switch (this) {
            case NONE -> 1;
            case MEAN -> java.util.Arrays.stream(scores).average().orElse(1);
            case MAX -> java.util.Arrays.stream(scores).max().orElse(1);
            case SUM -> java.util.Arrays.stream(scores).sum();
        };
        if (!(d > 0) || Double.isInfinite(d)) return scores.clone();
        double[] out = new double[scores.length];
        for (int i = 0; i < out.length; i++) out[i] = scores[i] / d;
        return out;
    }
}
