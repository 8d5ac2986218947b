package dev.slim4j.ir.op;

/** Importers for the elementwise family. */
final class ElementwiseOps {
    private ElementwiseOps() {}

    static void register(OpTable t) {
        for (UnaryFunction f : UnaryFunction.values()) t.register(f.onnxName(), 1, (a, opset) -> new Unary(f));
    }
}
