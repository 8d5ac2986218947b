package dev.slim4j.runtime.plan;

import dev.slim4j.ir.pass.Optimizer;
import dev.slim4j.ir.pass.Pass;
import dev.slim4j.runtime.reference.ReferenceOps;
import java.util.List;

/**
 * The graph passes a session runs before compiling when optimization is on: the ir module's standard pipeline
 * (identity and constant clean-up, transpose and reshape elimination, MatMul+Add into Gemm, BatchNorm folding,
 * residual and activation fusion), with the reference ops folding constants.
 */
public final class GraphOptimizer {
    private GraphOptimizer() {}

    /** The default optimization passes, in order. */
    public static List<Pass> defaultPasses() {
        return Optimizer.standard(ReferenceOps::evaluate).passes();
    }
}
