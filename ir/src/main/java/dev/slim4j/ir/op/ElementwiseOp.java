package dev.slim4j.ir.op;

/** Elementwise math and activations, casts, softmax-like normalizations and reductions. */
public sealed interface ElementwiseOp extends Op
        permits Unary, Binary, Variadic, LeakyRelu, Elu, Celu, Selu, ThresholdedRelu, HardSigmoid, Clip, Where, Mod,
        IsInf, Cast, CastLike, Softmax, Reduce, ArgReduce {}
