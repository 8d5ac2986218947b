package dev.slim4j.ir.op;

/** Ops that move, select or create data without arithmetic: reshapes, concatenation, slicing, constants. */
public sealed interface ShapeOp extends Op
        permits Identity, Flatten, Reshape, Transpose, Squeeze, Unsqueeze, Concat, Split, Slice, Gather, ShapeOf, Size,
                Constant, ConstantOfShape, Dropout, Pad, Expand, Tile, Range, DepthToSpace, SpaceToDepth {}
