package dev.slim4j.compress.quant;

/**
 * How many scales a tensor gets: one ({@link PerTensor}), one per slice along a given axis
 * ({@link PerChannel}, any axis, negative counting from the end), or one per output channel of the
 * op that reads the weight ({@link PerOutputChannel}: axis 0 of Conv and of Gemm with transB, the
 * last axis of MatMul and of Gemm without transB).
 */
public sealed interface Granularity {
    record PerTensor() implements Granularity {}

    record PerChannel(int axis) implements Granularity {}

    record PerOutputChannel() implements Granularity {}

    static Granularity perTensor() { return new PerTensor(); }

    static Granularity perChannel(int axis) { return new PerChannel(axis); }

    static Granularity perOutputChannel() { return new PerOutputChannel(); }
}
