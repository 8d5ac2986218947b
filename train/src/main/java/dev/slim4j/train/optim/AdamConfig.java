package dev.slim4j.train.optim;

import java.util.Objects;

/**
 * Adam settings (Kingma and Ba, 2015). With {@code decoupledWeightDecay} this is AdamW (Loshchilov
 * and Hutter, 2019): the weights shrink by {@code lr * weightDecay} directly, instead of the decay
 * being added to the gradient as in Adam.
 */
public record AdamConfig(double learningRate, double beta1, double beta2, double epsilon, double weightDecay,
                         boolean decoupledWeightDecay, LearningRateSchedule schedule)
        implements OptimizerConfig {
    public AdamConfig {
        if (!(learningRate >= 0)) throw new IllegalArgumentException("learningRate must be >= 0, found " + learningRate);
        if (!(beta1 >= 0 && beta1 < 1)) throw new IllegalArgumentException("beta1 must lie in [0, 1), found " + beta1);
        if (!(beta2 >= 0 && beta2 < 1)) throw new IllegalArgumentException("beta2 must lie in [0, 1), found " + beta2);
        if (!(epsilon > 0)) throw new IllegalArgumentException("epsilon must be > 0, found " + epsilon);
        if (!(weightDecay >= 0)) throw new IllegalArgumentException("weightDecay must be >= 0, found " + weightDecay);
        Objects.requireNonNull(schedule, "schedule");
    }

    /** Adam: learning rate 1e-3, betas 0.9 and 0.999, epsilon 1e-8, no weight decay (PyTorch's defaults). */
    public static AdamConfig defaults() {
        return new AdamConfig(1e-3, 0.9, 0.999, 1e-8, 0, false, LearningRateSchedule.constant());
    }

    /** AdamW: as {@link #defaults()} with decoupled weight decay 0.01 (PyTorch's defaults). */
    public static AdamConfig adamW() { return defaults().withWeightDecay(0.01).withDecoupledWeightDecay(true); }

    @Override public Optimizer create(ParameterSet parameters) { return new Adam(parameters, this); }

    @Override public AdamConfig withLearningRate(double lr) {
        return new AdamConfig(lr, beta1, beta2, epsilon, weightDecay, decoupledWeightDecay, schedule);
    }

    public AdamConfig withBetas(double b1, double b2) {
        return new AdamConfig(learningRate, b1, b2, epsilon, weightDecay, decoupledWeightDecay, schedule);
    }

    public AdamConfig withEpsilon(double e) {
        return new AdamConfig(learningRate, beta1, beta2, e, weightDecay, decoupledWeightDecay, schedule);
    }

    public AdamConfig withWeightDecay(double wd) {
        return new AdamConfig(learningRate, beta1, beta2, epsilon, wd, decoupledWeightDecay, schedule);
    }

    public AdamConfig withDecoupledWeightDecay(boolean d) {
        return new AdamConfig(learningRate, beta1, beta2, epsilon, weightDecay, d, schedule);
    }

    @Override public AdamConfig withSchedule(LearningRateSchedule s) {
        return new AdamConfig(learningRate, beta1, beta2, epsilon, weightDecay, decoupledWeightDecay, s);
    }
}
