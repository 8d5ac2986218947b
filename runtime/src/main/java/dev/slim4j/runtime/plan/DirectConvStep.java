package dev.slim4j.runtime.plan;

import dev.slim4j.kernels.Activation;
import dev.slim4j.kernels.DirectConv;
import dev.slim4j.kernels.DirectConvFilter;

/** Single-group convolution on the direct kernel, filters packed once at compile time, its workspace in the arena. */
record DirectConvStep(DirectConv kernel, DirectConvFilter filter, float[] bias, Activation activation, Operand x,
                      Operand y, Operand residual, ArenaBuffer work, Workers workers) implements Step {
    @Override public void run(Frame f) {
        float[] ra = residual == null ? null : residual.array(f);
        kernel.conv2d(x.array(f), x.offset(f), filter, bias, 0, y.array(f), y.offset(f), activation, ra,
                residual == null ? 0 : residual.offset(f), f.arena, work.offset, workers.parallelism());
    }
}
