package dev.slim4j.runtime.plan;

import dev.slim4j.kernels.Elementwise;

/** Softmax or log-softmax of each row of a {@code rows x cols} view, rows split between workers. */
record SoftmaxStep(Elementwise kernel, boolean log, int rows, int cols, Operand x, Operand y, Workers workers)
        implements Step {
    @Override public void run(Frame f) {
        float[] xa = x.array(f);
        int xo = x.offset(f);
        float[] ya = y.array(f);
        int yo = y.offset(f);
        int parts = rows * cols >= 32768 ? workers.threads() : 1;
        workers.forEach(Math.min(parts, rows), p -> {
            int n = Math.min(parts, rows);
            int from = (int) ((long) rows * p / n);
            int to = (int) ((long) rows * (p + 1) / n);
            if (log) kernel.logSoftmax(xa, xo + from * cols, ya, yo + from * cols, to - from, cols);
            else kernel.softmax(xa, xo + from * cols, ya, yo + from * cols, to - from, cols);
        });
    }
}
