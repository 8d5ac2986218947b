package dev.slim4j.ir.op;

/** Importers for the data-movement family. */
final class ShapeOps {
    private ShapeOps() {}

    static void register(OpTable t) {
        t.register("Identity", 1, (a, opset) -> new Identity());
    }
}
