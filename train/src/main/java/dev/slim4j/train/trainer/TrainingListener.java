package dev.slim4j.train.trainer;

import dev.slim4j.train.optim.Optimizer;

/**
 * Hooks into the training loop, called on the training thread in this order: {@link #beforeUpdate} once
 * the batch's gradients are in the parameters; the optimizer step; {@link #afterUpdate}; {@link #onBatch}
 * after each step, {@link #onEpoch} after each epoch, {@link #onValidation} when a validation set was
 * given, {@link #onEnd} once. Listeners run in the order they were added. Every method does nothing by
 * default.
 *
 * <p>The two update hooks see the live parameters ({@code optimizer.parameters()}: values and gradients,
 * in place) and the optimizer's buffers: a penalty adds its subgradient to the gradients before the
 * update (Network Slimming's L1 on BatchNorm scales), an importance estimate reads the gradients there
 * (first-order Taylor), a mask clears pruned weights' gradients and momentum before and their values
 * after, and a soft-pruning rule writes values after.
 */
public interface TrainingListener {

    /**
     * Before the optimizer step: a listener may change the gradients ({@code optimizer.parameters()}) and the
     * optimizer's buffers ({@code optimizer.state()} holds its own arrays), for example to mask pruned weights.
     */
    default void beforeUpdate(Optimizer optimizer) {}

    /** After the optimizer step: a listener may change the parameter values in place. */
    default void afterUpdate(Optimizer optimizer) {}

    default void onBatch(BatchReport report) {}

    default void onEpoch(EpochReport report) {}

    default void onValidation(int epoch, Evaluation evaluation) {}

    default void onEnd(TrainingResult result) {}
}
