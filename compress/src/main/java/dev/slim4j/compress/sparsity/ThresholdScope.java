package dev.slim4j.compress.sparsity;

/** Where the magnitude threshold is drawn. */
public enum ThresholdScope {
    /** Each layer loses the configured fraction of its own weights. */
    PER_LAYER,
    /** One threshold over all selected layers, so layers with many small weights lose more of them. */
    GLOBAL
}
