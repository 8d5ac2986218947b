package dev.slim4j.train.optim;

/**
 * A factor applied to an optimizer's base learning rate, as a function of the optimizer step
 * (0 for the first {@link Optimizer#step()}). Warm-up, where offered, is linear: step {@code s <
 * warmupSteps} gets factor {@code (s + 1) / warmupSteps}.
 */
public sealed interface LearningRateSchedule {
    double factor(long step);

    static LearningRateSchedule constant() { return new Constant(); }

    /** Multiplies the rate by {@code gamma} every {@code stepSize} steps. */
    static LearningRateSchedule step(long stepSize, double gamma) { return new StepDecay(stepSize, gamma); }

    /** Cosine decay from 1 to {@code minFactor} over {@code totalSteps}, after {@code warmupSteps} of linear warm-up. */
    static LearningRateSchedule cosine(long totalSteps, long warmupSteps, double minFactor) {
        return new Cosine(totalSteps, warmupSteps, minFactor);
    }

    /** Linear decay from 1 to {@code minFactor} over {@code totalSteps}, after {@code warmupSteps} of linear warm-up. */
    static LearningRateSchedule linear(long totalSteps, long warmupSteps, double minFactor) {
        return new Linear(totalSteps, warmupSteps, minFactor);
    }

    /** Factor 1 at every step. */
    record Constant() implements LearningRateSchedule {
        @Override public double factor(long step) { return 1; }
    }

    /** {@code gamma ^ floor(step / stepSize)}. */
    record StepDecay(long stepSize, double gamma) implements LearningRateSchedule {
        public StepDecay {
            if (stepSize < 1) throw new IllegalArgumentException("stepSize must be positive, found " + stepSize);
            if (!(gamma > 0)) throw new IllegalArgumentException("gamma must be positive, found " + gamma);
        }

        @Override public double factor(long step) { return Math.pow(gamma, Math.floorDiv(step, stepSize)); }
    }

    /**
     * Warm-up, then {@code minFactor + (1 - minFactor) (1 + cos(pi p)) / 2} with progress
     * {@code p = (step - warmupSteps) / (totalSteps - warmupSteps)} clamped to [0, 1].
     */
    record Cosine(long totalSteps, long warmupSteps, double minFactor) implements LearningRateSchedule {
        public Cosine { checkDecay(totalSteps, warmupSteps, minFactor); }

        @Override public double factor(long step) {
            if (step < warmupSteps) return (step + 1) / (double) warmupSteps;
            double p = progress(step, totalSteps, warmupSteps);
            return minFactor + (1 - minFactor) * 0.5 * (1 + Math.cos(Math.PI * p));
        }
    }

    /** Warm-up, then {@code 1 - (1 - minFactor) p} with progress {@code p} as for {@link Cosine}. */
    record Linear(long totalSteps, long warmupSteps, double minFactor) implements LearningRateSchedule {
        public Linear { checkDecay(totalSteps, warmupSteps, minFactor); }

        @Override public double factor(long step) {
            if (step < warmupSteps) return (step + 1) / (double) warmupSteps;
            return 1 - (1 - minFactor) * progress(step, totalSteps, warmupSteps);
        }
    }

    private static void checkDecay(long totalSteps, long warmupSteps, double minFactor) {
        if (warmupSteps < 0 || totalSteps <= warmupSteps) {
            throw new IllegalArgumentException("expected 0 <= warmupSteps < totalSteps, found warmupSteps "
                    + warmupSteps + ", totalSteps " + totalSteps);
        }
        if (!(minFactor >= 0 && minFactor <= 1)) {
            throw new IllegalArgumentException("minFactor must lie in [0, 1], found " + minFactor);
        }
    }

    private static double progress(long step, long totalSteps, long warmupSteps) {
        double p = (step - warmupSteps) / (double) (totalSteps - warmupSteps);
        return Math.min(1, Math.max(0, p));
    }
}
