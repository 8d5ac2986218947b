package dev.slim4j.runtime.plan;

import java.util.function.Function;

/** The outcome of a selection rule for one node: a fast kernel (and how to build its step) or the reference op. */
sealed interface Choice {
    /** {@code build} reads the inputs, defines the outputs and returns the step (null when no step is needed). */
    record Fast(String kernel, String reason, Function<PlanBuilder, Step> build) implements Choice {}

    record Reference(String reason) implements Choice {}

    static Choice reference(String reason) {
        return new Reference(reason);
    }

    static Choice fast(String kernel, String reason, Function<PlanBuilder, Step> build) {
        return new Fast(kernel, reason, build);
    }
}
