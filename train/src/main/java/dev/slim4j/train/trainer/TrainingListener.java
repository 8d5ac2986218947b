package dev.slim4j.train.trainer;

import dev.slim4j.train.optim.Optimizer;
import dev.slim4j.train.optim.ParameterSet;

/**
 * Hooks into the training loop, called on the training thread in this order: {@link #beforeStep} once
 * the batch's gradients are in the parameters, then {@link #beforeUpdate}; the optimizer step; then
 * {@link #afterUpdate} and {@link #afterStep} once the optimizer updated them; {@link #onBatch} after each
 * step, {@link #onEpoch} after each epoch, {@link #onValidation} when a validation set was given,
 * {@link #onEnd} once. Every method does nothing by default.
 *
 * <p>The two step hooks see the live parameters (values and gradients, in place): a penalty adds its
 * subgradient to the gradients in {@code beforeStep} (Network Slimming's L1 on BatchNorm scales), an
 * importance estimate reads values and gradients there (first-order Taylor), and a mask or a
 * soft-pruning rule writes the values in {@code afterStep}. The two update hooks see the optimizer itself,
 * for listeners that also change its buffers (unstructured pruning's masks clear the momentum of pruned
 * weights) or need its step count.
 */
public interface TrainingListener {
    default void beforeStep(ParameterSet parameters) {}

    default void afterStep(ParameterSet parameters) {}

    /**
     * Before the optimizer step: a listener may change the gradients ({@code optimizer.parameters()}) and the
     * optimizer's buffers ({@code optimizer.state()} holds its own arrays), for example to mask pruned weights.
     */
    default void beforeUpdate(Optimizer optimizer) {}

    /** After the optimizer step, before {@link #afterStep}: a listener may change the parameter values in place. */
    default void afterUpdate(Optimizer optimizer) {}

    default void onBatch(BatchReport report) {}

    default void onEpoch(EpochReport report) {}

    default void onValidation(int epoch, Evaluation evaluation) {}

    default void onEnd(TrainingResult result) {}
}
