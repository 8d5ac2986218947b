package dev.slim4j.ir.op;

/** Importers for the neural-network layer family. */
final class NnOps {
    private NnOps() {}

    static void register(OpTable t) {
        t.register("Conv", 1, (a, opset) -> Conv.parse(a));
        t.register("ConvTranspose", 1, (a, opset) -> ConvTranspose.parse(a));
        t.register("Gemm", 1, (a, opset) -> Gemm.parse(a));
        t.register("MatMul", 1, (a, opset) -> new MatMul());
        t.register("BatchNormalization", 6, (a, opset) -> BatchNormalization.parse(a));
        t.register("MaxPool", 1, (a, opset) -> MaxPool.parse(a));
        t.register("AveragePool", 1, (a, opset) -> AveragePool.parse(a));
        t.register("GlobalAveragePool", 1, (a, opset) -> new GlobalAveragePool());
        t.register("GlobalMaxPool", 1, (a, opset) -> new GlobalMaxPool());
        t.register("LRN", 1, (a, opset) -> LRN.parse(a));
        t.register("InstanceNormalization", 6, (a, opset) -> InstanceNormalization.parse(a));
        t.register("LpNormalization", 1, (a, opset) -> LpNormalization.parse(a));
        t.register(FusedConv.DOMAIN, "FusedConv", 1, (a, opset) -> FusedConv.parse(a));
        t.register(FusedConv.DOMAIN, "FusedGemm", 1, (a, opset) -> FusedGemm.parse(a));
    }
}
