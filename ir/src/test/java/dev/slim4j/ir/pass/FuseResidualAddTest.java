package dev.slim4j.ir.pass;

import org.junit.jupiter.api.Test;

class FuseResidualAddTest {
    @Test void foldsTheAddAndTheReluAfterIt() {
        PassCase.check(new FuseResidualAdd(), """
                graph g (x: float32[N,2,3,3]) -> (y: float32[N,2,3,3])
                  init w: float32[2,2,1,1]
                  init b: float32[2] = [1.0, 2.0]
                  c: float32[N,2,3,3] = Conv(x, w, b) {kernel_shape=[1,1]}
                  s: float32[N,2,3,3] = Add(x, c)
                  y = Relu(s)
                """, """
                graph g (x: float32[N,2,3,3]) -> (y: float32[N,2,3,3])
                  init w: float32[2,2,1,1]
                  init b: float32[2] = [1.0, 2.0]
                  y = com.microsoft::FusedConv[c](x, w, b, x) {kernel_shape=[1,1], activation="Relu"}
                """);
    }

    @Test void withoutBiasOrReluTheAddAloneIsFolded() {
        PassCase.check(new FuseResidualAdd(), """
                graph g (x: float32[1,2,3,3], z: float32[1,2,3,3]) -> (y: float32[1,2,3,3])
                  init w: float32[2,2,1,1]
                  c: float32[1,2,3,3] = Conv(x, w) {kernel_shape=[1,1]}
                  y = Add(c, z)
                """, """
                graph g (x: float32[1,2,3,3], z: float32[1,2,3,3]) -> (y: float32[1,2,3,3])
                  init w: float32[2,2,1,1]
                  y = com.microsoft::FusedConv[c](x, w, "", z) {kernel_shape=[1,1]}
                """);
    }

    @Test void leavesBroadcastingAddsAndUnknownShapesAlone() {
        String text = """
                graph g (x: float32[1,2,3,3], z: float32[1,2,1,1], u: float32[?,2,3,3]) -> (y: float32[1,2,3,3], v: float32[1,2,3,3])
                  init w: float32[2,2,1,1]
                  c: float32[1,2,3,3] = Conv(x, w) {kernel_shape=[1,1]}
                  y = Add(c, z)
                  d: float32[1,2,3,3] = Conv(x, w) {kernel_shape=[1,1]}
                  v = Add(d, u)
                """;
        PassCase.check(new FuseResidualAdd(), text, text);
    }
}
