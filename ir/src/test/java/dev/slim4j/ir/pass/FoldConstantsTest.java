package dev.slim4j.ir.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slim4j.ir.GraphParser;
import dev.slim4j.ir.op.Binary;
import dev.slim4j.ir.op.BinaryFunction;
import dev.slim4j.ir.op.Constant;
import dev.slim4j.ir.op.Op;
import dev.slim4j.ir.op.UnsupportedOpException;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FoldConstantsTest {
    /** A tiny evaluator: Constant, and Add / Mul of equally shaped float tensors. */
    static List<Tensor> evaluate(Op op, List<Tensor> in, int outputs) {
        if (op instanceof Constant c) return List.of(c.tensor());
        if (op instanceof Binary(BinaryFunction f) && (f == BinaryFunction.ADD || f == BinaryFunction.MUL)) {
            float[] a = in.get(0).floats();
            float[] b = in.get(1).floats();
            float[] r = new float[a.length];
            for (int i = 0; i < r.length; i++) r[i] = f == BinaryFunction.ADD ? a[i] + b[i] : a[i] * b[i];
            return List.of(Tensor.ofFloats(in.get(0).shape(), r));
        }
        throw new UnsupportedOpException(op.opType(), op.domain(), 17);
    }

    @Test void foldsChainsOfConstantNodesIntoInitializers() {
        // c = [1+3, 2+4] = [4, 6]; d = c * k = [40, 120]
        PassCase.check(new FoldConstants(FoldConstantsTest::evaluate), """
                graph g (x: float32[2]) -> (y: float32[2])
                  init a: float32[2] = [1.0, 2.0]
                  init b: float32[2] = [3.0, 4.0]
                  k = Constant() {value=float32[2][10.0, 20.0]}
                  c: float32[2] = Add(a, b)
                  d = Mul(c, k)
                  y = Mul(x, d)
                """, """
                graph g (x: float32[2]) -> (y: float32[2])
                  init a: float32[2] = [1.0, 2.0]
                  init b: float32[2] = [3.0, 4.0]
                  init k: float32[2] = [10.0, 20.0]
                  init c: float32[2] = [4.0, 6.0]
                  init d: float32[2] = [40.0, 120.0]
                  y = Mul(x, d)
                """);
    }

    @Test void withUnusedInitializerEliminationOnlyTheResultRemains() {
        var g = PassManager.of(new FoldConstants(FoldConstantsTest::evaluate), new EliminateUnusedInitializers())
                .checked().run(GraphParser.parse("""
                        graph g (x: float32[2]) -> (y: float32[2])
                          init a: float32[2] = [1.0, 2.0]
                          init b: float32[2] = [3.0, 4.0]
                          c = Add(a, b)
                          y = Mul(x, c)
                        """));
        assertEquals(List.of("c"), new ArrayList<>(g.initializers().keySet()));
    }

    @Test void leavesUnsupportedShadowedRandomAndTrainableInputsAlone() {
        String before = """
                graph g (x: float32[2], s: float32[2]) -> (y: float32[2], z: float32[2], r: float32[2], t: float32[2])
                  init a: float32[2] = [1.0, 2.0]
                  init s: float32[2] = [0.5, 0.5]
                  param w: float32[2] = [2.0, 2.0]
                  y = Sub(a, a)
                  z = Add(a, s)
                  r = RandomNormal() {dtype=1, shape=[2]}
                  t = Mul(w, a)
                """;
        PassCase.check(FoldConstants.preservingTrainable(FoldConstantsTest::evaluate), before, before);
        PassCase.check(new FoldConstants(FoldConstantsTest::evaluate), before, before.replace(
                "  t = Mul(w, a)\n", "").replace("[2.0, 2.0]\n", "[2.0, 2.0]\n  init t: float32[2] = [2.0, 4.0]\n"));
    }
}
