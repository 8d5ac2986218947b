package dev.slim4j.compress.sparsity;

import dev.slim4j.ir.Model;
import java.util.List;
import java.util.Objects;

/**
 * A pruned model (a new one; the input model is unchanged), the masks that made it, its sparsity report and the
 * layers that were pruned.
 */
public record SparseResult(Model model, Masks masks, SparsityReport report, List<PruningTarget> targets) {
    public SparseResult {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(masks, "masks");
        Objects.requireNonNull(report, "report");
        targets = List.copyOf(targets);
    }

    /** The same masks and targets on another model (for example after fine-tuning), with its report recounted. */
    public SparseResult withModel(Model m) {
        return new SparseResult(m, masks, SparsityReport.of(m, targets), targets);
    }
}
