package dev.slim4j.ir.op;

import java.util.Optional;

/**
 * Importers for the data-movement family. Where an opset moved an attribute to an input (Squeeze,
 * Unsqueeze and Split at 13, Pad at 11, Dropout's ratio at 12) the record keeps the attribute form
 * only for the older opsets.
 */
final class ShapeOps {
    private ShapeOps() {}

    static void register(OpTable t) {
        t.register("Identity", 1, (a, opset) -> new Identity());
        t.register("Flatten", 1, (a, opset) -> new Flatten(a.getInt("axis", 1)));
        t.register("Reshape", 5, (a, opset) -> new Reshape(a.getInt("allowzero", 0) != 0));
        t.register("Transpose", 1, (a, opset) -> new Transpose(a.optInts("perm")));
        t.register("Squeeze", 1, (a, opset) -> new Squeeze(a.optInts("axes")));
        t.register("Squeeze", 13, (a, opset) -> new Squeeze(Optional.empty()));
        t.register("Unsqueeze", 1, (a, opset) -> new Unsqueeze(Optional.of(a.optInts("axes").orElseThrow(
                () -> new IllegalArgumentException("required attribute 'axes' of Unsqueeze is missing")))));
        t.register("Unsqueeze", 13, (a, opset) -> new Unsqueeze(Optional.empty()));
        t.register("Concat", 1, (a, opset) -> new Concat(a.getInt("axis", 1)));
        t.register("Concat", 4, (a, opset) -> new Concat(a.requireInt("axis")));
        t.register("Split", 2, (a, opset) -> new Split(a.getInt("axis", 0), a.optInts("split")));
        t.register("Split", 13, (a, opset) -> new Split(a.getInt("axis", 0), Optional.empty()));
        t.register("Split", 18, (a, opset) -> new Split(a.getInt("axis", 0), Optional.empty(), a.optInt("num_outputs")));
        t.register("Slice", 1, (a, opset) -> new Slice(Optional.of(a.optInts("starts").orElseThrow(
                () -> new IllegalArgumentException("required attribute 'starts' of Slice is missing"))),
                Optional.of(a.optInts("ends").orElseThrow(
                        () -> new IllegalArgumentException("required attribute 'ends' of Slice is missing"))),
                a.optInts("axes")));
        t.register("Slice", 10, (a, opset) -> Slice.withInputs());
        t.register("Gather", 1, (a, opset) -> new Gather(a.getInt("axis", 0)));
        t.register("Shape", 1, (a, opset) -> new ShapeOf(a.optInt("start"), a.optInt("end")));
        t.register("Size", 1, (a, opset) -> new Size());
        t.register("Constant", 1, Constant::parse);
        t.register("ConstantOfShape", 9, (a, opset) -> new ConstantOfShape(a.optTensor("value")));
        registerPaddingAndTiling(t);
    }

    private static void registerPaddingAndTiling(OpTable t) {
        t.register("Dropout", 7, (a, opset) -> new Dropout(a.optFloat("ratio"), Optional.empty()));
        t.register("Dropout", 12, (a, opset) -> new Dropout(Optional.empty(), a.optInt("seed")));
        t.register("Pad", 2, (a, opset) -> new Pad(a.getString("mode", "constant"), a.optInts("pads"), a.optFloat("value")));
        t.register("Pad", 11, (a, opset) -> new Pad(a.getString("mode", "constant"), Optional.empty(), Optional.empty()));
        t.register("Expand", 8, (a, opset) -> new Expand());
        t.register("Tile", 6, (a, opset) -> new Tile());
        t.register("Range", 11, (a, opset) -> new Range());
        t.register("DepthToSpace", 1, (a, opset) -> new DepthToSpace(a.requireInt("blocksize"), a.optString("mode")));
        t.register("SpaceToDepth", 1, (a, opset) -> new SpaceToDepth(a.requireInt("blocksize")));
    }

}
