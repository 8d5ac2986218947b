package dev.slim4j.ir.pass;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.op.Clip;
import dev.slim4j.ir.op.QLinearConv;
import org.junit.jupiter.api.Test;

class FoldQdqIntoIntegerOpsTest {
    /** The pass, then dead-node elimination (the optimizer's order), so the orphaned DQ nodes go. */
    private static final Pass FOLD = g -> new EliminateDeadNodes().apply(new FoldQdqIntoIntegerOps().apply(g));

    @Test void convWithBiasAndReluBecomesQLinearConv() {
        PassCase.check(FOLD, """
                graph g (xq: uint8[1,2,4,4]) -> (yq: uint8[1,3,4,4])
                  init xs: float32[] = [0.5]
                  init xz: uint8[] = [10]
                  init wq: int8[3,2,1,1] = [1, -2, 3, -4, 5, -6]
                  init ws: float32[3] = [0.25, 0.5, 1]
                  init bq: int32[3] = [1, 2, 3]
                  init bs: float32[3] = [0.125, 0.25, 0.5]
                  init ys: float32[] = [2]
                  init yz: uint8[] = [0]
                  x: float32[1,2,4,4] = DequantizeLinear(xq, xs, xz)
                  w: float32[3,2,1,1] = DequantizeLinear(wq, ws) {axis=0}
                  b: float32[3] = DequantizeLinear(bq, bs) {axis=0}
                  c: float32[1,3,4,4] = Conv(x, w, b)
                  r: float32[1,3,4,4] = Relu(c)
                  yq = QuantizeLinear(r, ys, yz)
                """, """
                graph g (xq: uint8[1,2,4,4]) -> (yq: uint8[1,3,4,4])
                  init xs: float32[] = [0.5]
                  init xz: uint8[] = [10]
                  init wq: int8[3,2,1,1] = [1, -2, 3, -4, 5, -6]
                  init ws: float32[3] = [0.25, 0.5, 1]
                  init bq: int32[3] = [1, 2, 3]
                  init bs: float32[3] = [0.125, 0.25, 0.5]
                  init ys: float32[] = [2]
                  init yz: uint8[] = [0]
                  init yq.zero: int8[] = [0]
                  yq = QLinearConv[c](xq, xs, xz, wq, ws, yq.zero, ys, yz, bq) {group=1}
                """);
    }

    @Test void reluStaysWhenTheZeroPointIsNotTheMinimum() {
        String graph = """
                graph g (xq: uint8[1,2]) -> (yq: uint8[1,3])
                  init xs: float32[] = [0.5]
                  init wq: int8[2,3] = [1, -2, 3, -4, 5, -6]
                  init ws: float32[] = [0.25]
                  init ys: float32[] = [2]
                  init yz: uint8[] = [128]
                  x: float32[1,2] = DequantizeLinear(xq, xs)
                  w: float32[2,3] = DequantizeLinear(wq, ws)
                  c: float32[1,3] = MatMul(x, w)
                  yq = QuantizeLinear(c, ys, yz)
                """;
        PassCase.check(FOLD, graph, """
                graph g (xq: uint8[1,2]) -> (yq: uint8[1,3])
                  init xs: float32[] = [0.5]
                  init wq: int8[2,3] = [1, -2, 3, -4, 5, -6]
                  init ws: float32[] = [0.25]
                  init ys: float32[] = [2]
                  init yz: uint8[] = [128]
                  init yq.zero: uint8[] = [0]
                  init yq.zero_1: int8[] = [0]
                  yq = QLinearMatMul[c](xq, xs, yq.zero, wq, ws, yq.zero_1, ys, yz)
                """);
        String withRelu = graph.replace("yq = QuantizeLinear(c, ys, yz)",
                "r: float32[1,3] = Relu(c)\n  yq = QuantizeLinear(r, ys, yz)");
        PassCase.check(FOLD, withRelu, withRelu);
    }

    @Test void maxPoolBetweenEqualParametersPoolsTheIntegers() {
        PassCase.check(FOLD, """
                graph g (xq: uint8[1,2,4,4]) -> (yq: uint8[1,2,2,2])
                  init s: float32[] = [0.5]
                  init z: uint8[] = [3]
                  init s2: float32[] = [0.5]
                  init z2: uint8[] = [3]
                  x: float32[1,2,4,4] = DequantizeLinear(xq, s, z)
                  p: float32[1,2,2,2] = MaxPool(x) {kernel_shape=[2, 2], strides=[2, 2]}
                  yq = QuantizeLinear(p, s2, z2)
                """, """
                graph g (xq: uint8[1,2,4,4]) -> (yq: uint8[1,2,2,2])
                  init s: float32[] = [0.5]
                  init z: uint8[] = [3]
                  init s2: float32[] = [0.5]
                  init z2: uint8[] = [3]
                  yq = MaxPool[p](xq) {kernel_shape=[2, 2], strides=[2, 2]}
                """);
    }

    @Test void maxPoolBetweenDifferentParametersPoolsTheIntegersThenRequantizes() {
        PassCase.check(FOLD, """
                graph g (xq: uint8[1,2,4,4]) -> (yq: uint8[1,2,2,2])
                  init s: float32[] = [0.5]
                  init z: uint8[] = [3]
                  init s2: float32[] = [0.25]
                  x: float32[1,2,4,4] = DequantizeLinear(xq, s, z)
                  p: float32[1,2,2,2] = MaxPool(x) {kernel_shape=[2, 2], strides=[2, 2]}
                  yq = QuantizeLinear(p, s2)
                """, """
                graph g (xq: uint8[1,2,4,4]) -> (yq: uint8[1,2,2,2])
                  init s: float32[] = [0.5]
                  init z: uint8[] = [3]
                  init s2: float32[] = [0.25]
                  p.integers = MaxPool[p](xq) {kernel_shape=[2, 2], strides=[2, 2]}
                  p.dequantized = DequantizeLinear[x_after_p](p.integers, s, z)
                  yq = QuantizeLinear[yq](p.dequantized, s2)
                """);
    }

    @Test void quantizeMovesBeforeFlattenSoThatThePoolBelowPoolsIntegers() {
        PassCase.check(FOLD, """
                graph g (xq: uint8[1,2,4,4]) -> (yq: uint8[1,8])
                  init s: float32[] = [0.5]
                  init z: uint8[] = [3]
                  x: float32[1,2,4,4] = DequantizeLinear(xq, s, z)
                  p: float32[1,2,2,2] = MaxPool(x) {kernel_shape=[2, 2], strides=[2, 2]}
                  f: float32[1,8] = Flatten(p)
                  yq = QuantizeLinear(f, s, z)
                """, """
                graph g (xq: uint8[1,2,4,4]) -> (yq: uint8[1,8])
                  init s: float32[] = [0.5]
                  init z: uint8[] = [3]
                  p.quantized = MaxPool[p](xq) {kernel_shape=[2, 2], strides=[2, 2]}
                  yq = Flatten[f](p.quantized)
                """);
    }

    /** ReLU6 folds when Q saturates at 0 and at or below 6 (255 * 0.02 = 5.1); with scale 0.05 (12.75) it stays. */
    @Test void relu6FoldsOnlyWhenQSaturatesWithinItsBounds() {
        String graph = """
                graph g (xq: uint8[1,2]) -> (yq: uint8[1,3])
                  init xs: float32[] = [0.5]
                  init wq: int8[2,3] = [1, -2, 3, -4, 5, -6]
                  init ws: float32[] = [0.25]
                  init ys: float32[] = [0.02]
                  init lo: float32[] = [0]
                  init hi: float32[] = [6]
                  x: float32[1,2] = DequantizeLinear(xq, xs)
                  w: float32[2,3] = DequantizeLinear(wq, ws)
                  c: float32[1,3] = Gemm(x, w)
                  r: float32[1,3] = Clip(c, lo, hi)
                  yq = QuantizeLinear(r, ys)
                """;
        Graph folded = PassCase.run(FOLD, graph);
        org.junit.jupiter.api.Assertions.assertTrue(folded.nodes().stream().noneMatch(n -> n.op() instanceof Clip),
                folded::toString);
        org.junit.jupiter.api.Assertions.assertTrue(folded.nodes().stream().anyMatch(n -> n.op() instanceof QLinearConv),
                folded::toString);
        String wide = graph.replace("init ys: float32[] = [0.02]", "init ys: float32[] = [0.05]");
        Graph kept = PassCase.run(FOLD, wide);
        org.junit.jupiter.api.Assertions.assertTrue(kept.nodes().stream().anyMatch(n -> n.op() instanceof Clip),
                kept::toString);
    }
}
