package dev.slim4j.ir.op;

/** Ops that move, select or create data without arithmetic: reshapes, concatenation, slicing, constants. */
public sealed interface ShapeOp extends Op permits Identity {}
