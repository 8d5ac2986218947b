package dev.slim4j.train.trainer;

import dev.slim4j.train.data.Augmentation;
import dev.slim4j.train.data.Normalization;
import dev.slim4j.train.optim.OptimizerConfig;
import dev.slim4j.train.optim.SgdConfig;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a {@link Trainer} runs: epochs, batch size, the seed of shuffling, augmentation and dropout, the
 * thread count (a run repeats exactly for the same seed and threads), the optimizer, label smoothing,
 * augmentation and normalization of the images, frozen initializers, and where to write a checkpoint
 * after each epoch (none when empty).
 */
public record TrainerConfig(int epochs, int batchSize, long seed, int threads, OptimizerConfig optimizer,
                            double labelSmoothing, Augmentation augmentation, Normalization normalization,
                            Set<String> frozen, Optional<Path> checkpoint) {
    public TrainerConfig {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, found " + epochs);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1, found " + batchSize);
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, found " + threads);
        Objects.requireNonNull(optimizer, "optimizer");
        if (!(optimizer.learningRate() > 0)) {
            throw new IllegalArgumentException("learning rate must be > 0, found " + optimizer.learningRate());
        }
        if (!(labelSmoothing >= 0 && labelSmoothing < 1)) {
            throw new IllegalArgumentException("label smoothing must lie in [0, 1), found " + labelSmoothing);
        }
        Objects.requireNonNull(augmentation, "augmentation");
        Objects.requireNonNull(normalization, "normalization");
        frozen = Set.copyOf(frozen);
        Objects.requireNonNull(checkpoint, "checkpoint");
    }

    /**
     * One epoch of batches of 64, seed 0, one thread, SGD with momentum 0.9 and learning rate 0.05,
     * no label smoothing, no augmentation, Fashion-MNIST normalization, nothing frozen, no checkpoint.
     */
    public static TrainerConfig defaults() {
        return new TrainerConfig(1, 64, 0, 1, SgdConfig.defaults().withLearningRate(0.05).withMomentum(0.9), 0,
                Augmentation.defaults(), Normalization.defaults(), Set.of(), Optional.empty());
    }

    public TrainerConfig withEpochs(int e) {
        return new TrainerConfig(e, batchSize, seed, threads, optimizer, labelSmoothing, augmentation, normalization, frozen, checkpoint);
    }

    public TrainerConfig withBatchSize(int b) {
        return new TrainerConfig(epochs, b, seed, threads, optimizer, labelSmoothing, augmentation, normalization, frozen, checkpoint);
    }

    public TrainerConfig withSeed(long s) {
        return new TrainerConfig(epochs, batchSize, s, threads, optimizer, labelSmoothing, augmentation, normalization, frozen, checkpoint);
    }

    public TrainerConfig withThreads(int t) {
        return new TrainerConfig(epochs, batchSize, seed, t, optimizer, labelSmoothing, augmentation, normalization, frozen, checkpoint);
    }

    public TrainerConfig withOptimizer(OptimizerConfig o) {
        return new TrainerConfig(epochs, batchSize, seed, threads, o, labelSmoothing, augmentation, normalization, frozen, checkpoint);
    }

    public TrainerConfig withLabelSmoothing(double l) {
        return new TrainerConfig(epochs, batchSize, seed, threads, optimizer, l, augmentation, normalization, frozen, checkpoint);
    }

    public TrainerConfig withAugmentation(Augmentation a) {
        return new TrainerConfig(epochs, batchSize, seed, threads, optimizer, labelSmoothing, a, normalization, frozen, checkpoint);
    }

    public TrainerConfig withNormalization(Normalization n) {
        return new TrainerConfig(epochs, batchSize, seed, threads, optimizer, labelSmoothing, augmentation, n, frozen, checkpoint);
    }

    public TrainerConfig withFrozen(Set<String> f) {
        return new TrainerConfig(epochs, batchSize, seed, threads, optimizer, labelSmoothing, augmentation, normalization, f, checkpoint);
    }

    public TrainerConfig withCheckpoint(Path file) {
        return new TrainerConfig(epochs, batchSize, seed, threads, optimizer, labelSmoothing, augmentation, normalization, frozen,
                Optional.ofNullable(file));
    }
}
