package dev.slim4j.train.optim;

/**
 * Updates the trainable parameters of a {@link ParameterSet} in place from their gradients. Frozen
 * parameters are skipped entirely: neither their values nor their optimizer state change.
 */
public sealed interface Optimizer permits Sgd, Adam {
    ParameterSet parameters();

    /** Applies one update with the current gradients, then advances the step count. */
    void step();

    /** Number of steps taken so far. */
    long stepCount();

    /** The learning rate the next {@link #step()} will use (base rate times the schedule's factor). */
    double learningRate();

    /** The step count and the buffers, holding this optimizer's own arrays (copy them to keep a snapshot). */
    OptimizerState state();

    /**
     * Continues from {@code state}: sets the step count and copies the buffers of parameters in this set
     * (a buffer of an unknown parameter, or of the wrong size or kind, is an error).
     */
    void restore(OptimizerState state);

    static Optimizer sgd(ParameterSet parameters, SgdConfig config) { return new Sgd(parameters, config); }

    static Optimizer adam(ParameterSet parameters, AdamConfig config) { return new Adam(parameters, config); }
}
