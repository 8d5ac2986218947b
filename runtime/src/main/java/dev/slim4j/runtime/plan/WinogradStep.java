package dev.slim4j.runtime.plan;

import dev.slim4j.kernels.Activation;
import dev.slim4j.kernels.ConvGeometry;
import dev.slim4j.kernels.WinogradConv;
import dev.slim4j.kernels.WinogradFilter;

/** 3x3 stride-1 convolution through Winograd with the filters transformed once at compile time
 * and the transformed input and products in arena scratch. */
record WinogradStep(WinogradConv kernel, ConvGeometry g, WinogradFilter filter, float[] bias, Activation activation,
                    Operand x, Operand y, Operand residual, ArenaBuffer work, Workers workers) implements Step {
    @Override public void run(Frame f) {
        float[] xa = x.array(f);
        float[] ra = residual == null ? null : residual.array(f);
        kernel.conv2d(g, xa, x.offset(f), filter, bias, 0, y.array(f), y.offset(f), activation, ra,
                residual == null ? 0 : residual.offset(f), f.arena, work.offset, workers.parallelism());
    }
}
