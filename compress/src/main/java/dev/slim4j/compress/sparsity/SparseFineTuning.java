package dev.slim4j.compress.sparsity;

import dev.slim4j.ir.Model;
import dev.slim4j.train.data.Dataset;
import dev.slim4j.train.trainer.Trainer;
import dev.slim4j.train.trainer.TrainerConfig;
import dev.slim4j.train.trainer.TrainingListener;
import dev.slim4j.train.trainer.TrainingResult;
import java.util.List;
import java.util.Objects;

/**
 * Magnitude pruning with training: fine-tuning a pruned model with its masks kept, iterative pruning (prune,
 * fine-tune, repeat) and gradual AGP pruning during training. Each returns a new {@link SparseResult}; the models
 * given stay as they were. {@code extra} listeners (a progress bar, say) are added to every trainer.
 */
public final class SparseFineTuning {
    private SparseFineTuning() {}

    /** Trains {@code pruned.model()} for {@code config.epochs()} with its masks kept; {@code validation} may be null. */
    public static SparseResult fineTune(SparseResult pruned, Dataset train, Dataset validation, TrainerConfig config,
                                        TrainingListener... extra) {
        Objects.requireNonNull(pruned, "pruned");
        TrainingResult r = train(pruned.model(), MaskingListener.keep(pruned.masks()), train, validation, config, extra);
        return pruned.withModel(r.model());
    }

    /** One-shot: prune to {@code sparsity.sparsity()}, then fine-tune with the masks kept. */
    public static SparseResult oneShot(Model model, SparsityConfig sparsity, Dataset train, Dataset validation,
                                       TrainerConfig config, TrainingListener... extra) {
        return fineTune(MagnitudePruning.apply(model, sparsity), train, validation, config, extra);
    }

    /**
     * Iterative: {@code schedule.rounds()} rounds, each pruning the current weights to that round's sparsity and
     * fine-tuning for {@code perRound.epochs()}; the weights pruned in a round are zero, so they stay pruned.
     */
    public static SparseResult iterative(Model model, SparsityConfig sparsity, PruningSchedule.Iterative schedule,
                                         Dataset train, Dataset validation, TrainerConfig perRound,
                                         TrainingListener... extra) {
        SparseResult current = null;
        Model m = model;
        for (int round = 1; round <= schedule.rounds(); round++) {
            current = MagnitudePruning.apply(m, sparsity, schedule.sparsityAfter(round, sparsity.sparsity()));
            current = fineTune(current, train, validation, perRound, extra);
            m = current.model();
        }
        return current;
    }

    /**
     * Gradual: trains {@code model} for {@code config.epochs()} while {@code schedule} raises the sparsity to
     * {@code sparsity.sparsity()} (steps are optimizer steps; see {@link #stepsPerEpoch}). The schedule must end by the
     * last step ({@code startStep + span <= steps - 1}), else the target would never be reached and this refuses it.
     */
    public static SparseResult gradual(Model model, SparsityConfig sparsity, PruningSchedule.Agp schedule,
                                       Dataset train, Dataset validation, TrainerConfig config,
                                       TrainingListener... extra) {
        long steps = config.epochs() * stepsPerEpoch(train, config);
        if (schedule.startStep() + schedule.span() > steps - 1) {
            throw new IllegalArgumentException("the AGP schedule reaches its target sparsity at optimizer step "
                    + (schedule.startStep() + schedule.span()) + ", but training runs steps 0.." + (steps - 1)
                    + " only; the target would never be reached (expected startStep + span <= " + (steps - 1) + ")");
        }
        List<PruningTarget> targets = MagnitudePruning.targets(model, sparsity);
        MaskingListener masking = MaskingListener.gradual(targets, sparsity, schedule);
        TrainingResult r = train(model, masking, train, validation, config, extra);
        return new SparseResult(r.model(), masking.masks(), SparsityReport.of(r.model(), targets), targets);
    }

    /** Optimizer steps per epoch of {@code train} under {@code config} (the last, partial batch counts). */
    public static long stepsPerEpoch(Dataset train, TrainerConfig config) {
        return (train.size() + config.batchSize() - 1) / config.batchSize();
    }

    private static TrainingResult train(Model model, MaskingListener masking, Dataset train, Dataset validation,
                                        TrainerConfig config, TrainingListener... extra) {
        Trainer t = new Trainer(model, config).addListener(masking);
        for (TrainingListener l : extra) t.addListener(l);
        return t.fit(train, validation);
    }
}
