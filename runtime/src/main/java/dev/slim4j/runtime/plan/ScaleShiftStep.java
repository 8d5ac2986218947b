package dev.slim4j.runtime.plan;

import dev.slim4j.kernels.Activation;
import dev.slim4j.kernels.Elementwise;
import dev.slim4j.kernels.ScaleShift;

/** Inference BatchNormalization folded at compile time into a per-channel scale and shift. */
record ScaleShiftStep(Elementwise kernel, ScaleShift map, int outer, int inner, Operand x, Operand y)
        implements Step {
    @Override public void run(Frame f) {
        float[] xa = x.array(f);
        map.apply(kernel, xa, x.offset(f), y.array(f), y.offset(f), outer, inner, Activation.none());
    }
}
