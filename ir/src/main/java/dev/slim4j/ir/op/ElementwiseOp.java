package dev.slim4j.ir.op;

/** Elementwise math and activations, casts, softmax-like normalizations and reductions. */
public sealed interface ElementwiseOp extends Op permits Unary {}
