package dev.slim4j.cli.prune;

import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * One prune run: the model, the method, how much to remove ({@code sparsity}: the fraction of channels,
 * or of weights for magnitude) or how many MACs to keep ({@code flopsTarget}), global or per-layer
 * ranking, the epochs of each training stage and their settings, how many test images to measure.
 */
record PruneRequest(Path model, Path out, PruneMethod method, OptionalDouble sparsity, OptionalDouble flopsTarget, boolean global,
                    int finetuneEpochs, int sparsityEpochs, double sparsityStrength, FineTuning training, int evalSize,
                    boolean showGroups, boolean sensitivity, boolean json) {
    PruneRequest {
        if (sparsity.isPresent() == flopsTarget.isPresent()) {
            throw new IllegalArgumentException("give exactly one of --sparsity R and --flops-target R");
        }
        if (sparsity.isPresent() && !(sparsity.getAsDouble() >= 0 && sparsity.getAsDouble() < 1)) {
            throw new IllegalArgumentException("--sparsity must lie in [0, 1), found " + sparsity.getAsDouble());
        }
        if (flopsTarget.isPresent() && !(flopsTarget.getAsDouble() > 0 && flopsTarget.getAsDouble() <= 1)) {
            throw new IllegalArgumentException("--flops-target is the fraction of MACs to keep, in (0, 1], found "
                    + flopsTarget.getAsDouble());
        }
        if (flopsTarget.isPresent() && !method.structured()) {
            throw new IllegalArgumentException("--flops-target needs a structured method (zeroed weights still cost MACs in a dense kernel)");
        }
        if (finetuneEpochs < 0 || sparsityEpochs < 0) throw new IllegalArgumentException("epochs must be >= 0");
        if (method == PruneMethod.SFP && finetuneEpochs < 1) {
            throw new IllegalArgumentException("--method sfp prunes while training: give --finetune-epochs N >= 1");
        }
        if (method == PruneMethod.SLIMMING && sparsityEpochs < 1) {
            throw new IllegalArgumentException("--method slimming needs sparsity training first: give --sparsity-epochs N >= 1");
        }
        if (evalSize < 0) throw new IllegalArgumentException("--eval-size must be >= 0, found " + evalSize);
    }
}
