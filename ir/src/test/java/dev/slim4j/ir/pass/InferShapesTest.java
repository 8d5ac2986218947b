package dev.slim4j.ir.pass;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.ir.GraphParser;
import dev.slim4j.tensor.ShapeException;
import org.junit.jupiter.api.Test;

class InferShapesTest {
    @Test void recordsEveryIntermediateType() {
        // symbolic batches through Flatten wait for Dims.product to keep a lone symbol (ir/op).
        // conv: (8 + 2*1 - 3) / 2 + 1 = 4; global pool -> 1x1; flatten -> [2, 4]; gemm with W [3, 4]^T -> [2, 3]
        PassCase.check(new InferShapes(), """
                graph g (x: float32[2,2,8,8]) -> (y: float32[2,3])
                  init w: float32[4,2,3,3]
                  init k: float32[3,4]
                  c = Conv(x, w) {kernel_shape=[3,3], pads=[1,1,1,1], strides=[2,2]}
                  p = GlobalAveragePool(c)
                  s = Shape(p)
                  f = Flatten(p) {axis=1}
                  y = Gemm(f, k) {transB=1}
                """, """
                graph g (x: float32[2,2,8,8]) -> (y: float32[2,3])
                  init w: float32[4,2,3,3]
                  init k: float32[3,4]
                  c: float32[2,4,4,4] = Conv(x, w) {kernel_shape=[3,3], pads=[1,1,1,1], strides=[2,2]}
                  p: float32[2,4,1,1] = GlobalAveragePool(c)
                  s: int64[4] = Shape(p)
                  f: float32[2,4] = Flatten(p) {axis=1}
                  y = Gemm(f, k) {transB=1}
                """);
    }

    @Test void opaqueOpsKeepAnnotationsAndReadersOfUnknownsStayUnknown() {
        PassCase.check(new InferShapes(), """
                graph g (x: float32[2,3]) -> (y: float32[2,3])
                  a: float32[2,3] = custom::Known(x)
                  b = custom::Unknown(x)
                  c = Relu(b)
                  y = Relu(a)
                """, """
                graph g (x: float32[2,3]) -> (y: float32[2,3])
                  a: float32[2,3] = custom::Known(x)
                  b = custom::Unknown(x)
                  c = Relu(b)
                  y = Relu(a)
                """);
    }

    @Test void constantNodesFeedShapeInference() {
        PassCase.check(new InferShapes(), """
                graph g (x: float32[2,3,4]) -> (y: float32[6,4])
                  s = Constant() {value=int64[2][6, -1]}
                  y = Reshape(x, s)
                """, """
                graph g (x: float32[2,3,4]) -> (y: float32[6,4])
                  s: int64[2] = Constant() {value=int64[2][6, -1]}
                  y = Reshape(x, s)
                """);
    }

    @Test void mismatchFailsNamingTheNode() {
        var g = GraphParser.parse("""
                graph g (x: float32[2,3]) -> (y: float32[2,2])
                  init w: float32[4,2]
                  y = MatMul(x, w)
                """);
        var e = assertThrows(ShapeException.class, () -> InferShapes.infer(g));
        assertTrue(e.getMessage().startsWith("node y (MatMul): "), e.getMessage());
    }
}
