package dev.slim4j.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.ir.op.Conv;
import dev.slim4j.ir.op.OpaqueOp;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphParserTest {
    @Test void readsBackWhatThePrinterWrites() {
        Graph g = GraphBuilderTest.lenet("N");
        Graph parsed = GraphParser.parse(GraphPrinter.print(g), g.initializers());
        assertEquals(g, parsed);
    }

    @Test void roundTripsOddNamesDomainsAndAttributeKinds() {
        Attributes a = Attributes.builder().put("mode", "fast").putFloats("scales", List.of(0.5f, 2f))
                .put("value", Tensor.vector(1, -2)).put("eps", 1e-5f).put("names", new AttributeValue.Strs(List.of("a", "b")))
                .build();
        Graph g = Graph.builder("g").input(new Value("in:0", TensorType.unranked(DType.INT64)))
                .output(new Value("graph", TensorType.of(DType.INT64, List.of(Dim.unknown(), Dim.symbol("batch size")))))
                .node(new Node("n", new OpaqueOp("com.example", "Custom", a), List.of("in:0", ""), List.of("graph", "")))
                .build();
        assertEquals(g, GraphParser.parse(GraphPrinter.print(g)));
    }

    @Test void parsesHandWrittenText() {
        Graph g = GraphParser.parse("""
                # a comment
                graph tiny (x: float32[1,2,5,5]) -> (y: float32[1,4,5,5])
                  param w: float32[4,2,3,3]
                  init b: float32[4] = [1, 2.5, -3, 4e-1]
                  y = Conv(x, w, b) {kernel_shape=[3,3], pads=[1,1,1,1]}
                """);
        assertEquals(List.of("w"), List.copyOf(g.trainable()));
        assertEquals(0.4f, g.initializers().get("b").getFloat(3));
        assertEquals(2.5f, g.initializers().get("b").getFloat(1));
        assertEquals(Tensor.allocate(DType.FLOAT32, Shape.of(4, 2, 3, 3)), g.initializers().get("w"));
        Conv c = assertInstanceOf(Conv.class, g.nodes().getFirst().op());
        assertEquals(List.of(1L, 1L, 1L, 1L), c.pads());
        assertEquals("y", g.nodes().getFirst().name());
        GraphVerifier.verify(g);
    }

    @Test void suppliedInitializersFillDeclaredOnesAndAddUndeclaredOnes() {
        Tensor w = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2);
        Tensor k = Tensor.of(new float[] {7}, 1);
        Graph g = GraphParser.parse("""
                graph m (x: float32[3,2]) -> (y: float32[3,2])
                  param w: float32[2,2]
                  t = MatMul(x, w)
                  y = Add(t, k)
                """, Map.of("w", w, "k", k));
        assertEquals(w, g.initializers().get("w"));
        assertEquals(k, g.initializers().get("k"));
        GraphVerifier.verify(g);
        var e = assertThrows(IllegalArgumentException.class, () -> GraphParser.parse("""
                graph m (x: float32[3,2]) -> (y: float32[3,3])
                  init w: float32[2,3]
                  y = MatMul(x, w)
                """, Map.of("w", w)));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("'w'"), e.getMessage());
    }

    @Test void errorsNameTheLineAndWhatWasExpected() {
        var e = assertThrows(IllegalArgumentException.class, () -> GraphParser.parse("""
                graph m (x: float32[2]) -> (y: float32[2])
                  y = Relu(x
                """));
        assertEquals("line 2: expected ')', found end of line", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GraphParser.parse("graph m (x: floaty[2]) -> ()"));
        assertEquals("line 1: expected an element type such as float32 or int64, found 'floaty'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GraphParser.parse("""
                graph m () -> ()
                  init c: int64[3] = [1, 2]
                """));
        assertTrue(e.getMessage().startsWith("line 2: expected 3 values"), e.getMessage());
    }
}
