package dev.slim4j.ir.pass;

import org.junit.jupiter.api.Test;

class FuseActivationTest {
    @Test void fusesReluIntoConvAndClipIntoTheNextConv() {
        PassCase.check(new FuseActivation(), """
                graph g (x: float32[1,1,2,2]) -> (y: float32[1,1,2,2])
                  init w: float32[1,1,1,1] = [2.0]
                  init lo: float32[] = [0.0]
                  init hi: float32[] = [6.0]
                  c: float32[1,1,2,2] = Conv(x, w) {kernel_shape=[1,1]}
                  r = Relu(c)
                  d: float32[1,1,2,2] = Conv(r, w) {kernel_shape=[1,1]}
                  y = Clip(d, lo, hi)
                """, """
                graph g (x: float32[1,1,2,2]) -> (y: float32[1,1,2,2])
                  init w: float32[1,1,1,1] = [2.0]
                  init lo: float32[] = [0.0]
                  init hi: float32[] = [6.0]
                  r = com.microsoft::FusedConv[c](x, w) {kernel_shape=[1,1], activation="Relu"}
                  y = com.microsoft::FusedConv[d](r, w) {kernel_shape=[1,1], activation="Clip", activation_params=[0.0, 6.0]}
                """);
    }

    @Test void fusesIntoGemmAndIntoAResidualFusedConv() {
        PassCase.check(new FuseActivation(), """
                graph g (x: float32[2,3], a: float32[1,1,2,2]) -> (y: float32[2,4], z: float32[1,1,2,2])
                  init w: float32[3,4]
                  init k: float32[1,1,1,1] = [2.0]
                  m: float32[2,4] = Gemm(x, w)
                  y = LeakyRelu(m) {alpha=0.2}
                  c: float32[1,1,2,2] = com.microsoft::FusedConv(a, k, "", a) {kernel_shape=[1,1]}
                  z = HardSigmoid(c) {alpha=0.25, beta=0.5}
                """, """
                graph g (x: float32[2,3], a: float32[1,1,2,2]) -> (y: float32[2,4], z: float32[1,1,2,2])
                  init w: float32[3,4]
                  init k: float32[1,1,1,1] = [2.0]
                  y = com.microsoft::FusedGemm[m](x, w) {activation="LeakyRelu", activation_alpha=0.2}
                  z = com.microsoft::FusedConv[c](a, k, "", a) {kernel_shape=[1,1], activation="HardSigmoid", activation_params=[0.25, 0.5]}
                """);
    }

    @Test void leavesSharedOrOutputValuesVariableBoundsAndFusedActivationsAlone() {
        String text = """
                graph g (x: float32[1,1,2,2], hi: float32[]) -> (c: float32[1,1,2,2], y: float32[1,1,2,2], z: float32[1,1,2,2], u: float32[1,1,2,2], v: float32[1,1,2,2])
                  init w: float32[1,1,1,1] = [2.0]
                  c = Conv(x, w) {kernel_shape=[1,1]}
                  y = Relu(c)
                  d: float32[1,1,2,2] = Conv(x, w) {kernel_shape=[1,1]}
                  z = Sigmoid(d)
                  u = Tanh(d)
                  e: float32[1,1,2,2] = Conv(x, w) {kernel_shape=[1,1]}
                  v = Clip(e, "", hi)
                """;
        PassCase.check(new FuseActivation(), text, text);
    }

    @Test void theOnnxRuntimeSetLeavesHardSwishUnfused() {
        String text = """
                graph g (x: float32[1,1,2,2]) -> (y: float32[1,1,2,2])
                  init w: float32[1,1,1,1] = [2.0]
                  c: float32[1,1,2,2] = Conv(x, w) {kernel_shape=[1,1]}
                  y = HardSwish(c)
                """;
        PassCase.check(FuseActivation.onnxRuntimeCompatible(), text, text);
        PassCase.check(new FuseActivation(), text, """
                graph g (x: float32[1,1,2,2]) -> (y: float32[1,1,2,2])
                  init w: float32[1,1,1,1] = [2.0]
                  y = com.microsoft::FusedConv[c](x, w) {kernel_shape=[1,1], activation="HardSwish"}
                """);
    }
}
