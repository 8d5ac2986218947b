package dev.slim4j.cli.prune;

import dev.slim4j.cli.UsageException;
import java.util.Arrays;
import java.util.List;

/** The --method values of {@code prune}: what ranks the channels (or weights) and how the run trains. */
enum PruneMethod {
    MAGNITUDE("magnitude", "unstructured: the smallest weights by absolute value, masked during fine-tuning"),
    L1("l1", "filters by L1 norm of their coupled weights (Li et al.)"),
    L2("l2", "filters by L2 norm of their coupled weights"),
    FPGM("fpgm", "filters nearest the geometric median of their layer (He et al. 2019)"),
    RANDOM("random", "random channels (seeded): the baseline"),
    SLIMMING("slimming", "Network Slimming: sparsity training with L1 on BatchNorm scales, then a global threshold on |gamma|"),
    THINET("thinet", "ThiNet-style: channels whose loss the next layer misses least, from activations of training images"),
    TAYLOR("taylor", "first-order Taylor |w * dL/dw|, gradients averaged over training batches"),
    SFP("sfp", "soft filter pruning: weakest filters zeroed after every epoch while training, removed at the end"),
    LAYER("layer", "whole residual blocks replaced by the identity, the least harmful first (measured on test images)");

    final String label;
    final String help;

    PruneMethod(String label, String help) {
        this.label = label;
        this.help = help;
    }

    static List<String> labels() { return Arrays.stream(values()).map(m -> m.label).toList(); }

    static PruneMethod parse(String s) {
        for (PruneMethod m : values()) if (m.label.equals(s)) return m;
        throw new UsageException("unknown --method '" + s + "', expected one of " + labels());
    }

    boolean structured() { return this != MAGNITUDE; }

    /** Methods that train before they cut (sparsity training, gradient collection, soft pruning). */
    boolean needsData() { return this == SLIMMING || this == TAYLOR || this == SFP || this == THINET; }
}
