package dev.slim4j.ir.pass;

import org.junit.jupiter.api.Test;

class EliminateTransposesTest {
    @Test void removesATransposeFollowedByItsInverse() {
        PassCase.check(new EliminateTransposes(), """
                graph g (x: float32[1,2,3,4]) -> (y: float32[1,2,3,4])
                  t: float32[1,3,4,2] = Transpose(x) {perm=[0,2,3,1]}
                  u: float32[1,2,3,4] = Transpose(t) {perm=[0,3,1,2]}
                  y = Relu(u)
                """, """
                graph g (x: float32[1,2,3,4]) -> (y: float32[1,2,3,4])
                  y = Relu(x)
                """);
    }

    @Test void composesConsecutiveTransposesAndKeepsSharedOnes() {
        // x[a,b,c] -(1,2,0)-> [b,c,a] -(reversed: 2,1,0)-> [a,c,b]: composed perm p[q[i]] = [0,2,1]
        PassCase.check(new EliminateTransposes(), """
                graph g (x: float32[2,3,4]) -> (y: float32[2,4,3], t: float32[3,4,2])
                  t = Transpose(x) {perm=[1,2,0]}
                  y = Transpose(t)
                """, """
                graph g (x: float32[2,3,4]) -> (y: float32[2,4,3], t: float32[3,4,2])
                  t = Transpose(x) {perm=[1,2,0]}
                  y = Transpose(x) {perm=[0,2,1]}
                """);
    }
}
