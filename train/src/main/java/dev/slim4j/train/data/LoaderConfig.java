package dev.slim4j.train.data;

import java.util.Objects;

/**
 * How a {@link DataLoader} makes batches: their size, whether each epoch is shuffled (seeded),
 * whether a last partial batch is dropped, the normalization and the augmentation.
 */
public record LoaderConfig(int batchSize, boolean shuffle, boolean dropLast, long seed,
                           Normalization normalization, Augmentation augmentation) {
    public LoaderConfig {
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be positive, found " + batchSize);
        Objects.requireNonNull(normalization, "normalization");
        Objects.requireNonNull(augmentation, "augmentation");
    }

    /** Batches of 64, shuffled with seed 0, last partial batch kept, Fashion-MNIST normalization, no augmentation. */
    public static LoaderConfig defaults() {
        return new LoaderConfig(64, true, false, 0L, Normalization.defaults(), Augmentation.defaults());
    }

    public LoaderConfig withBatchSize(int b) {
        return new LoaderConfig(b, shuffle, dropLast, seed, normalization, augmentation);
    }

    public LoaderConfig withShuffle(boolean s) {
        return new LoaderConfig(batchSize, s, dropLast, seed, normalization, augmentation);
    }

    public LoaderConfig withDropLast(boolean d) {
        return new LoaderConfig(batchSize, shuffle, d, seed, normalization, augmentation);
    }

    public LoaderConfig withSeed(long s) {
        return new LoaderConfig(batchSize, shuffle, dropLast, s, normalization, augmentation);
    }

    public LoaderConfig withNormalization(Normalization n) {
        return new LoaderConfig(batchSize, shuffle, dropLast, seed, n, augmentation);
    }

    public LoaderConfig withAugmentation(Augmentation a) {
        return new LoaderConfig(batchSize, shuffle, dropLast, seed, normalization, a);
    }
}
