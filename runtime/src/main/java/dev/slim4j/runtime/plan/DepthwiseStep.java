package dev.slim4j.runtime.plan;

import dev.slim4j.kernels.Activation;
import dev.slim4j.kernels.ConvGeometry;
import dev.slim4j.kernels.DepthwiseConv;

/** Depthwise convolution (groups == channels == outChannels) with bias, residual and activation fused. */
record DepthwiseStep(DepthwiseConv kernel, ConvGeometry g, float[] w, float[] bias, Activation activation,
                     Operand x, Operand y, Operand residual, Workers workers) implements Step {
    @Override public void run(Frame f) {
        float[] xa = x.array(f);
        float[] ra = residual == null ? null : residual.array(f);
        kernel.depthwise(g, xa, x.offset(f), w, 0, bias, 0, y.array(f), y.offset(f), activation, ra,
                residual == null ? 0 : residual.offset(f), workers.parallelism());
    }
}
