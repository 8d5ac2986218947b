package dev.slim4j.compress.prune;

/** What a coupled tensor axis is to the channels of its group; criteria pick the roles they read. */
public enum TensorRole {
    /** An activation value's channel axis (axis 1). */
    ACTIVATION,
    /** A weight's output-channel axis: a Conv filter (W axis 0), a Gemm/MatMul output column. */
    FILTER,
    /** A weight's input-channel axis: a Conv's W axis 1, a Gemm/MatMul input row. */
    INPUT_WEIGHT,
    /** A bias vector (Conv, ConvTranspose, Gemm). */
    BIAS,
    /** BatchNormalization / InstanceNormalization scale (gamma). */
    NORM_SCALE,
    /** BatchNormalization / InstanceNormalization shift (beta). */
    NORM_SHIFT,
    /** BatchNormalization running mean or variance. */
    NORM_STATISTIC,
    /** A per-channel constant operand of an elementwise op (a broadcast scale, offset or PRelu slope). */
    CONSTANT;

    /** True for initializer axes (everything but activations). */
    public boolean isParameter() { return this != ACTIVATION; }

    /** True for the weights that L1/L2/FPGM norms read: filters, input weights and normalization scales. */
    public boolean isWeight() { return this == FILTER || this == INPUT_WEIGHT || this == NORM_SCALE; }
}
