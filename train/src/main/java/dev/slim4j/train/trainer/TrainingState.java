package dev.slim4j.train.trainer;

import dev.slim4j.train.optim.OptimizerState;
import java.util.Objects;

/** Where a run stands after a whole epoch: epochs completed and the optimizer's state (step count, buffers). */
public record TrainingState(int epochsDone, OptimizerState optimizer) {
    public TrainingState {
        if (epochsDone < 0) throw new IllegalArgumentException("epochsDone must be >= 0, found " + epochsDone);
        Objects.requireNonNull(optimizer, "optimizer");
    }

    public static TrainingState initial() { return new TrainingState(0, OptimizerState.initial()); }
}
