package dev.slim4j.runtime.plan;

/** Copies {@code count} floats (a reshape-like op whose input is not in the arena, into the arena). */
record CopyStep(int count, Operand x, Operand y) implements Step {
    @Override public void run(Frame f) {
        float[] xa = x.array(f);
        System.arraycopy(xa, x.offset(f), y.array(f), y.offset(f), count);
    }
}
