package dev.slim4j.compress.sparsity;

/**
 * How the target sparsity is reached: at once, in rounds of pruning and fine-tuning, or gradually during training.
 * Each schedule gives the sparsity to prune to at its point of the run, for a final sparsity {@code target}.
 */
public sealed interface PruningSchedule {

    /** Everything at once, then (optionally) fine-tuning with the masks kept. */
    record OneShot() implements PruningSchedule {}

    /**
     * {@code rounds} rounds of prune then fine-tune; each round removes the same fraction of the weights still
     * there, so after round r the sparsity is {@code 1 - (1 - target)^(r / rounds)}.
     */
    record Iterative(int rounds) implements PruningSchedule {
        public Iterative {
            if (rounds < 1) throw new IllegalArgumentException("expected at least one round, found " + rounds);
        }

        /** The sparsity after round {@code round} (1..rounds). */
        public double sparsityAfter(int round, double target) {
            if (round < 1 || round > rounds) {
                throw new IllegalArgumentException("round must lie in [1, " + rounds + "], found " + round);
            }
            return 1 - Math.pow(1 - target, (double) round / rounds);
        }
    }

    /**
     * Automated gradual pruning (Zhu and Gupta, 2017): from optimizer step {@code startStep} the masks are recomputed
     * every {@code frequency} steps to {@code s_t = s_f + (s_i - s_f) (1 - (t - t0) / span)^3}, with {@code s_i =
     * initialSparsity}, {@code s_f} the target and {@code span} steps in all; then the target is kept.
     */
    record Agp(double initialSparsity, long startStep, long span, long frequency) implements PruningSchedule {
        public Agp {
            if (!(initialSparsity >= 0 && initialSparsity < 1)) {
                throw new IllegalArgumentException("initial sparsity must lie in [0, 1), found " + initialSparsity);
            }
            if (startStep < 0 || span < 1 || frequency < 1) {
                throw new IllegalArgumentException("expected startStep >= 0, span >= 1, frequency >= 1, found "
                        + startStep + ", " + span + ", " + frequency);
            }
        }

        /**
         * The sparsity in force at optimizer step {@code step}: 0 before the start, updated every {@code frequency}
         * steps and at the end of the span, the target from then on.
         */
        public double sparsityAt(long step, double target) {
            if (step < startStep) return 0;
            long since = step - startStep >= span ? span : (step - startStep) / frequency * frequency;
            double left = 1 - (double) since / span;
            return target + (initialSparsity - target) * left * left * left;
        }

        /** Whether the masks are recomputed before step {@code step}. */
        public boolean updatesAt(long step) {
            return step >= startStep && step <= startStep + span
                    && ((step - startStep) % frequency == 0 || step == startStep + span);
        }
    }
}
