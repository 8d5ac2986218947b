package dev.slim4j.compress.sparsity;

import dev.slim4j.train.optim.Optimizer;
import dev.slim4j.train.optim.OptimizerState;
import dev.slim4j.train.optim.Parameter;
import dev.slim4j.train.optim.ParameterSet;
import dev.slim4j.train.trainer.TrainingListener;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps pruned weights at exactly zero while a {@code Trainer} runs: before each optimizer step it zeroes their
 * gradients and their optimizer buffers (momentum, Adam's moments), after it their values. With an {@link
 * PruningSchedule.Agp} schedule it first recomputes the masks from the current weights whenever the schedule says so.
 */
public final class MaskingListener implements TrainingListener {
    private final List<PruningTarget> targets;
    private final SparsityConfig config;
    private final PruningSchedule.Agp schedule;
    private Masks masks;

    private MaskingListener(Masks masks, List<PruningTarget> targets, SparsityConfig config, PruningSchedule.Agp agp) {
        this.masks = masks;
        this.targets = targets;
        this.config = config;
        this.schedule = agp;
    }

    /** Keeps {@code masks} fixed. */
    public static MaskingListener keep(Masks masks) {
        return new MaskingListener(masks, List.of(), null, null);
    }

    /** Prunes {@code targets} gradually to {@code config.sparsity()} on the AGP schedule. */
    public static MaskingListener gradual(List<PruningTarget> targets, SparsityConfig config, PruningSchedule.Agp agp) {
        Masks none = new Masks(Map.of(), Map.of());
        return new MaskingListener(none, List.copyOf(targets), config, agp);
    }

    /** The masks in force now. */
    public Masks masks() { return masks; }

    @Override public void beforeUpdate(Optimizer optimizer) {
        ParameterSet p = optimizer.parameters();
        if (schedule != null && schedule.updatesAt(optimizer.stepCount())) {
            double s = schedule.sparsityAt(optimizer.stepCount(), config.sparsity());
            Function<String, float[]> values = name -> p.get(name).values();
            masks = MagnitudePruning.select(targets, values, config, s);
        }
        Set<String> names = new HashSet<>(p.names());
        for (String w : masks.weights()) {
            if (!names.contains(w)) continue;
            Parameter param = p.get(w);
            masks.zero(w, param.gradient());
            masks.zero(w, param.values());
        }
        Map<String, List<OptimizerState.Slot>> slots = optimizer.state().slots().stream()
                .collect(Collectors.groupingBy(OptimizerState.Slot::parameter));
        for (String w : masks.weights()) {
            for (OptimizerState.Slot slot : slots.getOrDefault(w, List.of())) masks.zero(w, slot.values());
        }
    }

    @Override public void afterUpdate(Optimizer optimizer) {
        ParameterSet p = optimizer.parameters();
        Set<String> names = new HashSet<>(p.names());
        for (String w : masks.weights()) if (names.contains(w)) masks.zero(w, p.get(w).values());
    }
}
