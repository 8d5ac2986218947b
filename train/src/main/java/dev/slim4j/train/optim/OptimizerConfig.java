package dev.slim4j.train.optim;

/** The settings of one optimizer kind; {@link #create} makes the optimizer for a parameter set. */
public sealed interface OptimizerConfig permits SgdConfig, AdamConfig {
    /** The base learning rate, before the schedule's factor. */
    double learningRate();

    LearningRateSchedule schedule();

    OptimizerConfig withLearningRate(double lr);

    OptimizerConfig withSchedule(LearningRateSchedule s);

    /** A fresh optimizer (no state, step 0) over {@code parameters}. */
    Optimizer create(ParameterSet parameters);
}
