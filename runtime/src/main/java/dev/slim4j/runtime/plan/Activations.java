package dev.slim4j.runtime.plan;

import dev.slim4j.kernels.Activation;

/** Maps the IR's fused activations to the kernels' epilogue activations (the same closed set, one to one). */
final class Activations {
    private Activations() {}

    static Activation toKernel(dev.slim4j.ir.op.Activation a) {
        return switch (a) {
            case dev.slim4j.ir.op.Activation.None n -> Activation.none();
            case dev.slim4j.ir.op.Activation.Relu r -> Activation.relu();
            case dev.slim4j.ir.op.Activation.Clip c -> Activation.clip(c.min(), c.max());
            case dev.slim4j.ir.op.Activation.LeakyRelu l -> Activation.leakyRelu(l.alpha());
            case dev.slim4j.ir.op.Activation.HardSigmoid h -> Activation.hardSigmoid(h.alpha(), h.beta());
            case dev.slim4j.ir.op.Activation.HardSwish h -> Activation.hardSwish();
            case dev.slim4j.ir.op.Activation.Sigmoid s -> Activation.sigmoid();
            case dev.slim4j.ir.op.Activation.Tanh t -> Activation.tanh();
        };
    }
}
