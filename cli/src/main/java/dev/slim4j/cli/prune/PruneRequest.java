package dev.slim4j.cli.prune;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.OptionalDouble;

/**
 * One prune run: the model, the method, how much to remove ({@code sparsity}: the fraction of channels,
 * or of weights for magnitude) or how many MACs to keep ({@code flopsTarget}), global or per-layer
 * ranking (or per-layer ratios from the sensitivity scan: the largest ratio of each group that loses at most
 * {@code maxLayerDrop} points), the epochs of each training stage and their settings, how many test images to measure.
 */
record PruneRequest(Path model, Path out, PruneMethod method, OptionalDouble sparsity, OptionalDouble flopsTarget, boolean global,
                    int finetuneEpochs, int sparsityEpochs, double sparsityStrength, FineTuning training, int evalSize,
                    boolean showGroups, boolean sensitivity, OptionalDouble maxLayerDrop, boolean agp, int roundTo, boolean json) {
    PruneRequest {
        int targets = (sparsity.isPresent() ? 1 : 0) + (flopsTarget.isPresent() ? 1 : 0) + (maxLayerDrop.isPresent() ? 1 : 0);
        if (targets != 1) {
            throw new IllegalArgumentException("give exactly one of --sparsity R, --flops-target R and --max-layer-drop POINTS");
        }
        if (maxLayerDrop.isPresent()) {
            if (evalSize < 1) throw new IllegalArgumentException("--max-layer-drop measures each group's accuracy: give --eval-size N >= 1");
            if (!(maxLayerDrop.getAsDouble() >= 0 && maxLayerDrop.getAsDouble() <= 100)) {
                throw new IllegalArgumentException("--max-layer-drop expects points in [0, 100], found " + maxLayerDrop.getAsDouble());
            }
            if (!EnumSet.of(PruneMethod.L1, PruneMethod.L2, PruneMethod.FPGM, PruneMethod.RANDOM).contains(method)) {
                throw new IllegalArgumentException("--max-layer-drop picks per-layer ratios for l1, l2, fpgm or random, not " + method.label);
            }
            sensitivity = true;
        }
        if (sensitivity && (method == PruneMethod.MAGNITUDE || method == PruneMethod.LAYER)) {
            throw new IllegalArgumentException("--sensitivity scans channel groups for the channel methods; --method " + method.label
                    + (method == PruneMethod.MAGNITUDE ? " prunes single weights" : " removes whole residual blocks"));
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
        if (method != PruneMethod.SLIMMING && sparsityEpochs > 0) {
            throw new IllegalArgumentException("--sparsity-epochs is slimming's sparsity training; --method " + method.label
                    + " has none (use --finetune-epochs for training after the cut)");
        }
        if (method == PruneMethod.MAGNITUDE && roundTo > 1) {
            throw new IllegalArgumentException("--round-to rounds channel counts; --method magnitude removes single weights");
        }
        if (method == PruneMethod.SLIMMING && sparsityEpochs < 1) {
            throw new IllegalArgumentException("--method slimming needs sparsity training first: give --sparsity-epochs N >= 1");
        }
        if (agp && (method != PruneMethod.MAGNITUDE || finetuneEpochs < 1)) {
            throw new IllegalArgumentException("--agp prunes gradually while training: it needs --method magnitude and --finetune-epochs N >= 1");
        }
        if (!(sparsityStrength >= 0 && Double.isFinite(sparsityStrength))) {
            throw new IllegalArgumentException("--sparsity-strength must be a finite number >= 0, found " + sparsityStrength);
        }
        if (roundTo < 1) throw new IllegalArgumentException("--round-to must be >= 1, found " + roundTo);
        if (evalSize < 0) throw new IllegalArgumentException("--eval-size must be >= 0, found " + evalSize);
    }
}
