package dev.slim4j.ir.pass;

import org.junit.jupiter.api.Test;

/**
 * Folded values by hand: scale = gamma / sqrt(var + eps), shift = beta - mean * scale,
 * W' = W * scale (per output channel), b' = b * scale + shift.
 */
class FoldBatchNormTest {
    // gamma [1, 2], beta [0.5, 0], mean [1, 0], var [3, 0], eps 1: scale [0.5, 2], shift [0, 0]
    private static final String BN_PARAMS = """
              init g: float32[2] = [1.0, 2.0]
              init be: float32[2] = [0.5, 0.0]
              init mu: float32[2] = [1.0, 0.0]
              init va: float32[2] = [3.0, 0.0]
            """;

    @Test void foldsIntoConvWeightsAndBias() {
        PassCase.check(new FoldBatchNorm(), """
                graph g (x: float32[1,1,2,2]) -> (y: float32[1,2,2,2])
                  init w: float32[2,1,1,1] = [2.0, 3.0]
                  init b: float32[2] = [1.0, -1.0]
                """ + BN_PARAMS + """
                  c: float32[1,2,2,2] = Conv(x, w, b) {kernel_shape=[1,1]}
                  y = BatchNormalization(c, g, be, mu, va) {epsilon=1.0}
                """, """
                graph g (x: float32[1,1,2,2]) -> (y: float32[1,2,2,2])
                  init w: float32[2,1,1,1] = [2.0, 3.0]
                  init b: float32[2] = [1.0, -1.0]
                """ + BN_PARAMS + """
                  init w_bn: float32[2,1,1,1] = [1.0, 6.0]
                  init b_bn: float32[2] = [0.5, -2.0]
                  y = Conv[c](x, w_bn, b_bn) {kernel_shape=[1,1]}
                """);
    }

    @Test void foldsIntoDepthwiseConvWithoutBias() {
        // group 2, W [2,1,1,2]: output channel 0 scaled by 0.5, channel 1 by 2; b' = shift = [0, 0]
        PassCase.check(new FoldBatchNorm(), """
                graph g (x: float32[1,2,2,2]) -> (y: float32[1,2,2,1])
                  init w: float32[2,1,1,2] = [2.0, 4.0, 1.0, -1.0]
                """ + BN_PARAMS + """
                  c: float32[1,2,2,1] = Conv(x, w) {group=2, kernel_shape=[1,2]}
                  y = BatchNormalization(c, g, be, mu, va) {epsilon=1.0}
                """, """
                graph g (x: float32[1,2,2,2]) -> (y: float32[1,2,2,1])
                  init w: float32[2,1,1,2] = [2.0, 4.0, 1.0, -1.0]
                """ + BN_PARAMS + """
                  init w_bn: float32[2,1,1,2] = [1.0, 2.0, 2.0, -2.0]
                  init c.bias_bn: float32[2] = [0.0, 0.0]
                  y = Conv[c](x, w_bn, c.bias_bn) {group=2, kernel_shape=[1,2]}
                """);
    }

    @Test void foldsIntoGemmWithTransposedWeightsAndScaledBias() {
        // W [N=2, K=2] rows scaled [0.5, 2]; C' = beta * C * scale + shift = 2 * [1, 1] * [0.5, 2] = [1, 4]
        PassCase.check(new FoldBatchNorm(), """
                graph g (x: float32[3,2]) -> (y: float32[3,2])
                  init w: float32[2,2] = [2.0, 4.0, 1.0, 3.0]
                  init cb: float32[2] = [1.0, 1.0]
                """ + BN_PARAMS + """
                  m: float32[3,2] = Gemm(x, w, cb) {beta=2.0, transB=1}
                  y = BatchNormalization(m, g, be, mu, va) {epsilon=1.0}
                """, """
                graph g (x: float32[3,2]) -> (y: float32[3,2])
                  init w: float32[2,2] = [2.0, 4.0, 1.0, 3.0]
                  init cb: float32[2] = [1.0, 1.0]
                """ + BN_PARAMS + """
                  init m.weight_bn: float32[2,2] = [1.0, 2.0, 2.0, 6.0]
                  init m.bias_bn: float32[2] = [1.0, 4.0]
                  y = Gemm[m](x, m.weight_bn, m.bias_bn) {transB=1}
                """);
    }

    @Test void turnsMatMulWithConstantWeightsIntoGemm() {
        // W [K=2, N=2] columns scaled [0.5, 2]
        PassCase.check(new FoldBatchNorm(), """
                graph g (x: float32[3,2]) -> (y: float32[3,2])
                  init w: float32[2,2] = [2.0, 4.0, 1.0, 3.0]
                """ + BN_PARAMS + """
                  m: float32[3,2] = MatMul(x, w)
                  y = BatchNormalization(m, g, be, mu, va) {epsilon=1.0}
                """, """
                graph g (x: float32[3,2]) -> (y: float32[3,2])
                  init w: float32[2,2] = [2.0, 4.0, 1.0, 3.0]
                """ + BN_PARAMS + """
                  init m.weight_bn: float32[2,2] = [1.0, 8.0, 0.5, 6.0]
                  init m.bias_bn: float32[2] = [0.0, 0.0]
                  y = Gemm[m](x, m.weight_bn, m.bias_bn)
                """);
    }

    @Test void leavesSharedOutputsTrainingModeAndNonConstantParametersAlone() {
        String text = """
                graph g (x: float32[1,1,2,2], v: float32[2]) -> (y: float32[1,2,2,2], z: float32[1,2,2,2], u: float32[1,2,2,2])
                  init w: float32[2,1,1,1] = [2.0, 3.0]
                """ + BN_PARAMS + """
                  c: float32[1,2,2,2] = Conv(x, w) {kernel_shape=[1,1]}
                  y = BatchNormalization(c, g, be, mu, va) {epsilon=1.0}
                  z = Relu(c)
                  d: float32[1,2,2,2] = Conv(x, w) {kernel_shape=[1,1]}
                  u = BatchNormalization(d, g, be, mu, v) {epsilon=1.0}
                """;
        PassCase.check(new FoldBatchNorm(), text, text);
    }
}
