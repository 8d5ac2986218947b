package dev.slim4j.train.trainer;

import dev.slim4j.train.optim.ParameterSet;

/**
 * Hooks into the training loop, called on the training thread in this order: {@link #beforeStep} once
 * the batch's gradients are in the parameters, {@link #afterStep} once the optimizer updated them,
 * {@link #onBatch} after each step, {@link #onEpoch} after each epoch, {@link #onValidation} when a
 * validation set was given, {@link #onEnd} once. Every method does nothing by default.
 *
 * <p>The two step hooks see the live parameters (values and gradients, in place): a penalty adds its
 * subgradient to the gradients in {@code beforeStep} (Network Slimming's L1 on BatchNorm scales), an
 * importance estimate reads values and gradients there (first-order Taylor), and a mask or a
 * soft-pruning rule writes the values in {@code afterStep}.
 */
public interface TrainingListener {
    default void beforeStep(ParameterSet parameters) {}

    default void afterStep(ParameterSet parameters) {}

    default void onBatch(BatchReport report) {}

    default void onEpoch(EpochReport report) {}

    default void onValidation(int epoch, Evaluation evaluation) {}

    default void onEnd(TrainingResult result) {}
}
