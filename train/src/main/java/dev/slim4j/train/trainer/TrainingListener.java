package dev.slim4j.train.trainer;

import dev.slim4j.train.optim.Optimizer;

/**
 * Hooks into the training loop, called on the training thread in this order: {@link #beforeUpdate} when a
 * batch's gradients are in the parameters, {@link #afterUpdate} right after the optimizer applied them,
 * {@link #onBatch} after each optimizer step, {@link #onEpoch} after each epoch, {@link #onValidation} when a validation set
 * was given, {@link #onEnd} once. Every method does nothing by default.
 */
public interface TrainingListener {
    /**
     * Before the optimizer step: a listener may change the gradients ({@code optimizer.parameters()}) and the
     * optimizer's buffers ({@code optimizer.state()} holds its own arrays), for example to mask pruned weights.
     */
    default void beforeUpdate(Optimizer optimizer) {}

    /** After the optimizer step, before {@link #onBatch}: a listener may change the parameter values in place. */
    default void afterUpdate(Optimizer optimizer) {}

    default void onBatch(BatchReport report) {}

    default void onEpoch(EpochReport report) {}

    default void onValidation(int epoch, Evaluation evaluation) {}

    default void onEnd(TrainingResult result) {}
}
