package dev.slim4j.ir.op;

/** Neural-network layers: convolutions, matrix products, normalization, pooling. */
public sealed interface NnOp extends Op permits MatMul {}
