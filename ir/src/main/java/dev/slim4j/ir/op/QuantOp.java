package dev.slim4j.ir.op;

/** Quantization ops: (de)quantize and integer convolution and matrix products. */
public sealed interface QuantOp extends Op
        permits QuantizeLinear, DequantizeLinear, DynamicQuantizeLinear, QLinearConv, ConvInteger, QLinearMatMul,
                MatMulInteger {}
