package dev.slim4j.train.grad;

/**
 * How a {@link Tape} runs the graph. In training mode BatchNormalization normalizes with the batch
 * statistics (and reports updated running statistics) and Dropout drops elements with a mask drawn
 * from {@code seed}; in inference mode BatchNormalization uses the running statistics and Dropout is
 * the identity. The mode of the tape decides, whatever the ops' own training attributes or inputs say
 * (like PyTorch's train() / eval()).
 */
public record TapeOptions(boolean training, long seed) {
    /** Inference mode. */
    public static TapeOptions inference() { return new TapeOptions(false, 0); }

    /** Training mode with dropout masks drawn from {@code seed}. */
    public static TapeOptions training(long seed) { return new TapeOptions(true, seed); }

    public TapeOptions withSeed(long newSeed) { return new TapeOptions(training, newSeed); }
}
