package dev.slim4j.ir.pass;

import org.junit.jupiter.api.Test;

class EliminateUnusedInitializersTest {
    @Test void removesUnreadInitializersButKeepsInputDefaultsAndOutputs() {
        PassCase.check(new EliminateUnusedInitializers(), """
                graph g (x: float32[2], d: float32[2]) -> (y: float32[2], k: float32[1])
                  param unused: float32[3]
                  init d: float32[2] = [1.0, 2.0]
                  init k: float32[1] = [5.0]
                  init w: float32[2] = [3.0, 4.0]
                  y = Add(x, w)
                """, """
                graph g (x: float32[2], d: float32[2]) -> (y: float32[2], k: float32[1])
                  init d: float32[2] = [1.0, 2.0]
                  init k: float32[1] = [5.0]
                  init w: float32[2] = [3.0, 4.0]
                  y = Add(x, w)
                """);
    }
}
