package dev.slim4j.runtime.plan;

import dev.slim4j.ir.pass.Pass;
import java.util.List;

/**
 * The graph passes a session runs before compiling when optimization is on. The list is the hook where the
 * fusion passes (FoldBatchNorm, FuseActivation, ...) are plugged in; it is empty until they are.
 */
public final class GraphOptimizer {
    private GraphOptimizer() {}

    /** The default optimization passes, in order. */
    public static List<Pass> defaultPasses() {
        return List.of();
    }
}
