package dev.slim4j.ir.op;

/** Importers for the neural-network layer family. */
final class NnOps {
    private NnOps() {}

    static void register(OpTable t) {
        t.register("MatMul", 1, (a, opset) -> new MatMul());
    }
}
