package dev.slim4j.ir.op;

/** Importers for the quantization family. */
final class QuantOps {
    private QuantOps() {}

    static void register(OpTable t) {
        t.register("DequantizeLinear", 10, (a, opset) -> new DequantizeLinear(a.getInt("axis", 1)));
    }
}
