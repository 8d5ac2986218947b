package dev.slim4j.train.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Adam and AdamW. Per parameter and step t (from 1): {@code m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
 * w -= lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)}, with weight decay added to g (Adam) or
 * applied as {@code w *= 1 - lr wd} first (AdamW). The step t counts this parameter's own updates,
 * so a parameter unfrozen later starts its bias correction afresh.
 */
public final class Adam implements Optimizer {
    private final ParameterSet parameters;
    private final AdamConfig config;
    private final Map<String, Moments> moments = new LinkedHashMap<>();
    private long steps;

    public Adam(ParameterSet parameters, AdamConfig config) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.config = Objects.requireNonNull(config, "config");
    }

    /** First and second moment estimates of one parameter, and how many updates it has had. */
    private static final class Moments {
        final float[] m;
        final float[] v;
        long t;

        Moments(int n) {
            m = new float[n];
            v = new float[n];
        }

        Moments(float[] m, float[] v, long t) {
            this.m = m;
            this.v = v;
            this.t = t;
        }
    }

    @Override public ParameterSet parameters() { return parameters; }

    public AdamConfig config() { return config; }

    @Override public long stepCount() { return steps; }

    @Override public double learningRate() { return config.learningRate() * config.schedule().factor(steps); }

    @Override public void step() {
        double lr = learningRate();
        for (Parameter p : parameters.trainable()) update(p, lr);
        steps++;
    }

    @Override public OptimizerState state() {
        List<OptimizerState.Slot> slots = new ArrayList<>();
        moments.forEach((name, s) -> {
            slots.add(new OptimizerState.Slot(name, "m", s.t, s.m));
            slots.add(new OptimizerState.Slot(name, "v", s.t, s.v));
        });
        return new OptimizerState(steps, slots);
    }

    /** Expects an {@code m} and a {@code v} slot for each parameter with moments, in either order. */
    @Override public void restore(OptimizerState state) {
        Map<String, float[]> first = new LinkedHashMap<>();
        Map<String, float[]> second = new LinkedHashMap<>();
        Map<String, Long> updates = new LinkedHashMap<>();
        for (OptimizerState.Slot s : state.slots()) {
            Map<String, float[]> target = switch (s.buffer()) {
                case "m" -> first;
                case "v" -> second;
                default -> throw new IllegalArgumentException("Adam keeps 'm' and 'v' buffers, found '" + s.buffer()
                        + "' for parameter '" + s.parameter() + "'");
            };
            target.put(s.parameter(), Buffers.copyFor(parameters, s));
            updates.put(s.parameter(), s.updates());
        }
        if (!first.keySet().equals(second.keySet())) {
            throw new IllegalArgumentException("Adam needs both 'm' and 'v' of each parameter, found m for "
                    + first.keySet() + " and v for " + second.keySet());
        }
        moments.clear();
        first.forEach((name, m) -> moments.put(name, new Moments(m, second.get(name), updates.get(name))));
        steps = state.steps();
    }

    private void update(Parameter p, double lr) {
        float[] w = p.values();
        float[] grad = p.gradient();
        Moments s = moments.computeIfAbsent(p.name(), k -> new Moments(w.length));
        s.t++;
        double b1 = config.beta1(), b2 = config.beta2(), wd = config.weightDecay();
        double c1 = 1 - Math.pow(b1, s.t), c2 = 1 - Math.pow(b2, s.t);
        boolean decoupled = config.decoupledWeightDecay();
        for (int i = 0; i < w.length; i++) {
            double wi = decoupled ? w[i] * (1 - lr * wd) : w[i];
            double g = decoupled ? grad[i] : grad[i] + wd * w[i];
            double m = b1 * s.m[i] + (1 - b1) * g;
            double v = b2 * s.v[i] + (1 - b2) * g * g;
            s.m[i] = (float) m;
            s.v[i] = (float) v;
            w[i] = (float) (wi - lr * (m / c1) / (Math.sqrt(v / c2) + config.epsilon()));
        }
    }
}
