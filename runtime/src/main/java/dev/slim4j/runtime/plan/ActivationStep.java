package dev.slim4j.runtime.plan;

import dev.slim4j.kernels.Activation;
import dev.slim4j.kernels.Elementwise;

/** {@code y = activation(x)} over {@code count} floats, split in ranges between workers. */
record ActivationStep(Elementwise kernel, Activation activation, int count, Operand x, Operand y, Workers workers)
        implements Step {
    @Override public void run(Frame f) {
        float[] xa = x.array(f);
        int xo = x.offset(f);
        float[] ya = y.array(f);
        int yo = y.offset(f);
        int parts = Math.max(1, Math.min(workers.threads(), count / 16384));
        if (parts == 1) {
            kernel.activate(activation, xa, xo, ya, yo, count);
            return;
        }
        workers.forEach(parts, p -> {
            int from = (int) ((long) count * p / parts);
            int to = (int) ((long) count * (p + 1) / parts);
            kernel.activate(activation, xa, xo + from, ya, yo + from, to - from);
        });
    }
}
