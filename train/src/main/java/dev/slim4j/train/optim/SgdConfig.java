package dev.slim4j.train.optim;

import java.util.Objects;

/**
 * Stochastic gradient descent settings, following PyTorch's {@code torch.optim.SGD} (no dampening):
 * {@code g = grad + weightDecay w; b = momentum b + g (b = g at the first step); w -= lr (nesterov ?
 * g + momentum b : b)}.
 */
public record SgdConfig(double learningRate, double momentum, boolean nesterov, double weightDecay,
                        LearningRateSchedule schedule) implements OptimizerConfig {
    public SgdConfig {
        if (!(learningRate >= 0)) throw new IllegalArgumentException("learningRate must be >= 0, found " + learningRate);
        if (!(momentum >= 0 && momentum < 1)) throw new IllegalArgumentException("momentum must lie in [0, 1), found " + momentum);
        if (nesterov && momentum == 0) throw new IllegalArgumentException("nesterov needs momentum > 0, found 0");
        if (!(weightDecay >= 0)) throw new IllegalArgumentException("weightDecay must be >= 0, found " + weightDecay);
        Objects.requireNonNull(schedule, "schedule");
    }

    /** Learning rate 0.01, no momentum, no weight decay, constant schedule. */
    public static SgdConfig defaults() { return new SgdConfig(0.01, 0, false, 0, LearningRateSchedule.constant()); }

    @Override public Optimizer create(ParameterSet parameters) { return new Sgd(parameters, this); }

    @Override public SgdConfig withLearningRate(double lr) { return new SgdConfig(lr, momentum, nesterov, weightDecay, schedule); }

    public SgdConfig withMomentum(double m) { return new SgdConfig(learningRate, m, nesterov, weightDecay, schedule); }

    public SgdConfig withNesterov(boolean n) { return new SgdConfig(learningRate, momentum, n, weightDecay, schedule); }

    public SgdConfig withWeightDecay(double wd) { return new SgdConfig(learningRate, momentum, nesterov, wd, schedule); }

    @Override public SgdConfig withSchedule(LearningRateSchedule s) { return new SgdConfig(learningRate, momentum, nesterov, weightDecay, s); }
}
