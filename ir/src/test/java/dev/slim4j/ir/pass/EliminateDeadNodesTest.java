package dev.slim4j.ir.pass;

import static org.junit.jupiter.api.Assertions.assertSame;

import dev.slim4j.ir.GraphParser;
import org.junit.jupiter.api.Test;

class EliminateDeadNodesTest {
    @Test void removesNodesThatReachNoOutput() {
        PassCase.check(new EliminateDeadNodes(), """
                graph g (x: float32[2]) -> (y: float32[2])
                  a: float32[2] = Relu(x)
                  dead1: float32[2] = Neg(a)
                  dead2 = Abs(dead1)
                  y = Abs(a)
                """, """
                graph g (x: float32[2]) -> (y: float32[2])
                  a: float32[2] = Relu(x)
                  y = Abs(a)
                """);
    }

    @Test void keepsMultiOutputNodeWithOneLiveOutput() {
        PassCase.check(new EliminateDeadNodes(), """
                graph g (x: float32[4]) -> (y: float32[2])
                  init s: int64[2] = [2, 2]
                  a, b = Split(x, s)
                  y = Neg(a)
                  z = Neg(b)
                """, """
                graph g (x: float32[4]) -> (y: float32[2])
                  init s: int64[2] = [2, 2]
                  a, b = Split(x, s)
                  y = Neg(a)
                """);
    }

    @Test void liveGraphIsReturnedUnchanged() {
        var g = GraphParser.parse("""
                graph g (x: float32[2]) -> (y: float32[2])
                  y = Relu(x)
                """);
        assertSame(g, new EliminateDeadNodes().apply(g));
    }
}
