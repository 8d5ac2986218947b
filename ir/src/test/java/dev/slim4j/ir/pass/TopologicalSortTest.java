package dev.slim4j.ir.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.GraphParser;
import dev.slim4j.ir.GraphPrinter;
import dev.slim4j.ir.GraphVerifier;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.TensorType;
import dev.slim4j.ir.TypeInference;
import dev.slim4j.ir.Value;
import dev.slim4j.ir.op.Unary;
import dev.slim4j.ir.op.UnaryFunction;
import dev.slim4j.tensor.DType;
import java.util.List;
import dev.slim4j.ir.GraphVerificationException;
import org.junit.jupiter.api.Test;

class TopologicalSortTest {
    @Test void ordersProducersFirstAndKeepsOtherwiseTheGivenOrder() {
        var sorted = new TopologicalSort().apply(GraphParser.parse("""
                graph g (x: float32[2]) -> (y: float32[2], u: float32[2])
                  y = Add(b, a)
                  u = Neg(x)
                  b = Relu(a)
                  a = Abs(x)
                """));
        GraphVerifier.verify(sorted);
        assertEquals("""
                graph g (x: float32[2]) -> (y: float32[2], u: float32[2])
                  u = Neg(x)
                  a = Abs(x)
                  b = Relu(a)
                  y = Add(b, a)
                """, GraphPrinter.print(sorted));
    }

    @Test void cycleFailsNamingItsNodes() {
        var g = GraphParser.parse("""
                graph g (x: float32[2]) -> (y: float32[2])
                  p = Relu(x)
                  a = Add(c, p)
                  b = Neg(a)
                  c = Abs(b)
                  y = Relu(c)
                """);
        var e = assertThrows(GraphVerificationException.class, () -> new TopologicalSort().apply(g));
        assertEquals("TopologicalSort: the graph has a cycle: a (Add) -> b (Neg) -> c (Abs) -> a (Add)", e.getMessage());
    }

    @Test void longReversedChainSortsWithoutDeepRecursion() {
        int n = 20_000;
        var b = Graph.builder("chain")
                .input(new Value("v0", TensorType.of(DType.FLOAT32, 1)))
                .output(new Value("v" + n, TensorType.of(DType.FLOAT32, 1)));
        for (int i = n; i >= 1; i--) {
            b.node(new Node("n" + i, new Unary(UnaryFunction.RELU),
                    List.of("v" + (i - 1)), List.of("v" + i)));
        }
        var g = b.build();
        assertEquals(1, GraphVerifier.problems(g, TypeInference.defaultOpsets()).size());
        var sorted = new TopologicalSort().apply(g);
        assertEquals("n1", sorted.nodes().getFirst().name());
        GraphVerifier.verify(sorted);
    }
}
