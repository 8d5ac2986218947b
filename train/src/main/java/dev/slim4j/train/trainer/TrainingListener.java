package dev.slim4j.train.trainer;

/**
 * Hooks into the training loop, called on the training thread in this order: {@link #onBatch} after
 * each optimizer step, {@link #onEpoch} after each epoch, {@link #onValidation} when a validation set
 * was given, {@link #onEnd} once. Every method does nothing by default.
 */
public interface TrainingListener {
    default void onBatch(BatchReport report) {}

    default void onEpoch(EpochReport report) {}

    default void onValidation(int epoch, Evaluation evaluation) {}

    default void onEnd(TrainingResult result) {}
}
