package dev.slim4j.train.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Stochastic gradient descent with optional momentum, Nesterov momentum and weight decay; see {@link SgdConfig}. */
public final class Sgd implements Optimizer {
    private final ParameterSet parameters;
    static final String MOMENTUM = "momentum";

    private final SgdConfig config;
    private final Map<String, float[]> momentumBuffers = new LinkedHashMap<>();
    private long steps;

    public Sgd(ParameterSet parameters, SgdConfig config) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override public ParameterSet parameters() { return parameters; }

    public SgdConfig config() { return config; }

    @Override public long stepCount() { return steps; }

    @Override public double learningRate() { return config.learningRate() * config.schedule().factor(steps); }

    @Override public void step() {
        double lr = learningRate();
        for (Parameter p : parameters.trainable()) update(p, lr);
        steps++;
    }

    @Override public OptimizerState state() {
        List<OptimizerState.Slot> slots = new ArrayList<>();
        momentumBuffers.forEach((name, buf) -> slots.add(new OptimizerState.Slot(name, MOMENTUM, 0, buf)));
        return new OptimizerState(steps, slots);
    }

    @Override public void restore(OptimizerState state) {
        momentumBuffers.clear();
        for (OptimizerState.Slot s : state.slots()) {
            if (!s.buffer().equals(MOMENTUM)) {
                throw new IllegalArgumentException("SGD keeps '" + MOMENTUM + "' buffers, found '" + s.buffer()
                        + "' for parameter '" + s.parameter() + "'");
            }
            momentumBuffers.put(s.parameter(), Buffers.copyFor(parameters, s));
        }
        steps = state.steps();
    }

    private void update(Parameter p, double lr) {
        float[] w = p.values();
        float[] grad = p.gradient();
        double mu = config.momentum();
        double wd = config.weightDecay();
        float[] buf = mu == 0 ? null : momentumBuffers.get(p.name());
        boolean first = mu != 0 && buf == null;
        if (first) {
            buf = new float[w.length];
            momentumBuffers.put(p.name(), buf);
        }
        for (int i = 0; i < w.length; i++) {
            double g = grad[i] + wd * w[i];
            if (buf != null) {
                double b = first ? g : mu * buf[i] + g;
                buf[i] = (float) b;
                g = config.nesterov() ? g + mu * b : b;
            }
            w[i] = (float) (w[i] - lr * g);
        }
    }
}
