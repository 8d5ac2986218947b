package dev.slim4j.train.data;

/**
 * Maps a pixel {@code x} in [0, 1] to {@code (x - mean) / std}. The defaults are the Fashion-MNIST
 * training-set statistics.
 */
public record Normalization(double mean, double std) {
    public Normalization {
        if (!(std > 0) || !Double.isFinite(std) || !Double.isFinite(mean)) {
            throw new IllegalArgumentException("expected a finite mean and a positive finite std, found mean "
                    + mean + ", std " + std);
        }
    }

    /** Fashion-MNIST training-set mean 0.2860 and std 0.3530. */
    public static Normalization defaults() {
        return new Normalization(FashionMnist.TRAIN_MEAN, FashionMnist.TRAIN_STD);
    }

    /** The identity: pixels stay in [0, 1]. */
    public static Normalization none() { return new Normalization(0, 1); }

    public Normalization withMean(double m) { return new Normalization(m, std); }

    public Normalization withStd(double s) { return new Normalization(mean, s); }

    public float apply(float x) { return (float) ((x - mean) / std); }
}
