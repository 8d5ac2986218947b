package dev.slim4j.ir.op;

/** Neural-network layers: convolutions, matrix products, normalization, pooling. */
public sealed interface NnOp extends Op
        permits Conv, ConvTranspose, Gemm, MatMul, BatchNormalization, MaxPool, AveragePool, GlobalAveragePool,
                GlobalMaxPool, LRN, InstanceNormalization, LpNormalization, FusedConv, FusedGemm {}
