package dev.slim4j.ir.op;

/** Importers for the quantization family (ONNX opsets 10 to 17). */
final class QuantOps {
    private QuantOps() {}

    static void register(OpTable t) {
        t.register("QuantizeLinear", 10, QuantizeLinear::parse);
        t.register("QuantizeLinear", 13, QuantizeLinear::parse);
        t.register("DequantizeLinear", 10, DequantizeLinear::parse);
        t.register("DequantizeLinear", 13, DequantizeLinear::parse);
        t.register("DynamicQuantizeLinear", 11, (a, opset) -> new DynamicQuantizeLinear());
        t.register("QLinearConv", 10, (a, opset) -> QLinearConv.parse(a));
        t.register("ConvInteger", 10, (a, opset) -> ConvInteger.parse(a));
        t.register("QLinearMatMul", 10, (a, opset) -> new QLinearMatMul());
        t.register("MatMulInteger", 10, (a, opset) -> new MatMulInteger());
    }
}
