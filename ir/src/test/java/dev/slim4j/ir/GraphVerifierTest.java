package dev.slim4j.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.ir.op.Unary;
import dev.slim4j.ir.op.UnaryFunction;
import dev.slim4j.tensor.DType;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphVerifierTest {
    private static List<String> problems(String text) {
        return GraphVerifier.problems(GraphParser.parse(text), TypeInference.defaultOpsets());
    }

    @Test void acceptsValidGraph() {
        assertEquals(List.of(), problems("""
                graph ok (x: float32[2,3]) -> (y: float32[2,4])
                  init w: float32[3,4]
                  t: float32[2,4] = MatMul(x, w)
                  y = Relu(t)
                """));
    }

    @Test void valueProducedTwice() {
        assertEquals(List.of("value 't' is produced twice: by node t (Relu) and by node other (Neg)"), problems("""
                graph g (x: float32[2]) -> (t: float32[2])
                  t = Relu(x)
                  t = Neg[other](x)
                """));
    }

    @Test void danglingInput() {
        assertEquals(List.of("node y (Add) reads 'ghost', which no graph input, initializer or node produces"),
                problems("""
                        graph g (x: float32[2]) -> (y: float32[2])
                          y = Add(x, ghost)
                        """));
    }

    @Test void nodesOutOfOrder() {
        assertEquals(List.of("node y (Relu) reads 't' before node t (Neg) produces it: the nodes are not in"
                + " topological order"), problems("""
                graph g (x: float32[2]) -> (y: float32[2])
                  y = Relu(t)
                  t = Neg(x)
                """));
    }

    @Test void cycleNamesItsNodes() {
        assertEquals(List.of("the graph has a cycle: a (Relu) -> b (Add) -> a (Relu)"), problems("""
                graph g (x: float32[2]) -> (b: float32[2])
                  a = Relu(b)
                  b = Add(a, x)
                """));
    }

    @Test void outputNotProduced() {
        assertEquals(List.of("graph output 'z' is not produced by any input, initializer or node"), problems("""
                graph g (x: float32[2]) -> (z: float32[2])
                  y = Relu(x)
                """));
    }

    @Test void declaredTypeDisagreeingWithInference() {
        assertEquals(List.of("value 't' of node t (MatMul) is inferred as float32[2, 4] but declared as float32[2, 5]"
                + " (dim 1 is 4 vs 5)"), problems("""
                graph g (x: float32[2,3]) -> (t: float32[2,5])
                  init w: float32[3,4]
                  t = MatMul(x, w)
                """));
        assertEquals(1, problems("""
                graph g (x: float32[2]) -> (y: float32[2])
                  t: int64[2] = Relu(x)
                  y = Relu(t)
                """).size());
    }

    @Test void inferenceErrorNamesTheNode() {
        List<String> p = problems("""
                graph g (x: float32[2,3]) -> (t: float32[2,4])
                  init w: float32[5,4]
                  t = MatMul(x, w)
                """);
        assertEquals(1, p.size());
        assertTrue(p.getFirst().startsWith("node t (MatMul): MatMul: expected inner dims to agree"), p.getFirst());
    }

    @Test void unknownOpsKeepTheirAnnotations() {
        assertEquals(List.of(), problems("""
                graph g (x: float32[2]) -> (y: float32[2])
                  t: float32[2] = my.domain::Mystery(x)
                  y = Relu(t)
                """));
    }

    @Test void verifyThrowsListingProblems() {
        Graph g = Graph.builder("g").output(new Value("y", TensorType.of(DType.FLOAT32, 1)))
                .node(new Node("r", new Unary(UnaryFunction.RELU), List.of("nope"), List.of("y"))).build();
        var e = assertThrows(GraphVerificationException.class, () -> GraphVerifier.verify(g));
        assertEquals(List.of("node r (Relu) reads 'nope', which no graph input, initializer or node produces"),
                e.problems());
        assertTrue(e.getMessage().startsWith("graph 'g' is invalid: "));
    }
}
