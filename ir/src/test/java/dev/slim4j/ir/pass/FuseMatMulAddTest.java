package dev.slim4j.ir.pass;

import org.junit.jupiter.api.Test;

class FuseMatMulAddTest {
    @Test void turnsMatMulPlusConstantBiasIntoGemm() {
        PassCase.check(new FuseMatMulAdd(), """
                graph g (x: float32[N,3]) -> (y: float32[N,2])
                  init w: float32[3,2]
                  init b: float32[2] = [1.0, 2.0]
                  m: float32[N,2] = MatMul(x, w)
                  y = Add(b, m)
                """, """
                graph g (x: float32[N,3]) -> (y: float32[N,2])
                  init w: float32[3,2]
                  init b: float32[2] = [1.0, 2.0]
                  y = Gemm[m](x, w, b)
                """);
    }

    @Test void leavesBatchedInputsMatrixBiasesAndSharedProductsAlone() {
        String text = """
                graph g (x: float32[4,N,3], a: float32[2,3], v: float32[2]) -> (y: float32[4,N,2], z: float32[2,2], u: float32[2,2], t: float32[2,2])
                  init w: float32[3,2]
                  init b: float32[2] = [1.0, 2.0]
                  init bm: float32[2,2]
                  m: float32[4,N,2] = MatMul(x, w)
                  y = Add(m, b)
                  n: float32[2,2] = MatMul(a, w)
                  z = Add(n, bm)
                  p: float32[2,2] = MatMul(a, w)
                  u = Add(p, v)
                  q: float32[2,2] = MatMul(a, w)
                  t = Add(q, q)
                """;
        PassCase.check(new FuseMatMulAdd(), text, text);
    }
}
