package dev.slim4j.ir.pass;

import org.junit.jupiter.api.Test;

class EliminateReshapesTest {
    @Test void removesReshapesAndFlattensToTheSameShape() {
        PassCase.check(new EliminateReshapes(), """
                graph g (x: float32[N,4]) -> (y: float32[N,4])
                  init s: int64[2] = [0, 4]
                  r: float32[N,4] = Reshape(x, s)
                  f: float32[N,4] = Flatten(r) {axis=1}
                  y = Relu(f)
                """, """
                graph g (x: float32[N,4]) -> (y: float32[N,4])
                  init s: int64[2] = [0, 4]
                  y = Relu(x)
                """);
    }

    @Test void collapsesConsecutiveReshapes() {
        // the outer target has no 0 and is reused; the Flatten's known output [1, 24] becomes a new target
        PassCase.check(new EliminateReshapes(), """
                graph g (x: float32[N,3,4], z: float32[2,3,4]) -> (y: float32[N,12], v: float32[1,24])
                  init s: int64[2] = [-1, 2]
                  init t: int64[2] = [-1, 12]
                  r: float32[?,2] = Reshape(x, s)
                  y = Reshape(r, t)
                  q: float32[12,2] = Reshape(z, s)
                  v = Flatten(q) {axis=0}
                """, """
                graph g (x: float32[N,3,4], z: float32[2,3,4]) -> (y: float32[N,12], v: float32[1,24])
                  init s: int64[2] = [-1, 2]
                  init t: int64[2] = [-1, 12]
                  init v.shape: int64[2] = [1, 24]
                  y = Reshape(x, t)
                  v = Reshape(z, v.shape)
                """);
    }
}
