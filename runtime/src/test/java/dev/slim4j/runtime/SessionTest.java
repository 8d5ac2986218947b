package dev.slim4j.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.Dim;
import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.TensorType;
import dev.slim4j.ir.Value;
import dev.slim4j.ir.op.Identity;
import dev.slim4j.ir.op.OpaqueOp;
import dev.slim4j.ir.op.Unary;
import dev.slim4j.ir.op.UnaryFunction;
import dev.slim4j.ir.op.UnsupportedOpException;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.ShapeException;
import dev.slim4j.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionTest {
    private static final TensorType VEC = TensorType.of(DType.FLOAT32, List.of(Dim.symbol("N")));

    private static Graph.Builder reluGraph() {
        return Graph.builder("g")
                .input(new Value("x", VEC))
                .node(new Node("neg", new Unary(UnaryFunction.NEG), List.of("x"), List.of("t")))
                .node(new Node("relu", new Unary(UnaryFunction.RELU), List.of("t"), List.of("y")))
                .output(new Value("y", VEC));
    }

    @Test
    void runsNodesInDependencyOrderEvenWhenFileOrderIsReversed() {
        Graph g = reluGraph().build();
        Graph reversed = g.toBuilder().nodes(List.of(g.nodes().get(1), g.nodes().get(0))).build();
        try (Session s = Session.create(Model.of(reversed))) {
            Tensor y = s.run(Map.of("x", Tensor.of(new float[] {1, -2, 3}, 3))).get("y");
            assertArrayEquals(new float[] {0, 2, 0}, y.floats());
        }
    }

    @Test
    void unknownInputNameListsExpectedOnes() {
        try (Session s = Session.create(Model.of(reluGraph().build()))) {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> s.run(Map.of("images", Tensor.of(new float[] {1}, 1))));
            assertTrue(e.getMessage().contains("unknown input 'images', expected one of [x]"), e.getMessage());
        }
    }

    @Test
    void missingInputIsNamed() {
        try (Session s = Session.create(Model.of(reluGraph().build()))) {
            var e = assertThrows(IllegalArgumentException.class, () -> s.run(Map.of()));
            assertTrue(e.getMessage().contains("missing input 'x'"), e.getMessage());
        }
    }

    @Test
    void wrongDtypeAndRankAreRejected() {
        try (Session s = Session.create(Model.of(reluGraph().build()))) {
            assertThrows(IllegalArgumentException.class,
                    () -> s.run(Map.of("x", Tensor.ofLongs(Shape.of(1), 1L))));
            assertThrows(ShapeException.class, () -> s.run(Map.of("x", Tensor.of(new float[] {1}, 1, 1))));
        }
    }

    @Test
    void cyclicGraphIsRejectedNamingANode() {
        Graph g = Graph.builder("cycle")
                .input(new Value("x", VEC))
                .node(new Node("a", new Identity(), List.of("b_out"), List.of("a_out")))
                .node(new Node("b", new Identity(), List.of("a_out"), List.of("b_out")))
                .output(new Value("a_out", VEC))
                .build();
        var e = assertThrows(IllegalArgumentException.class, () -> Session.create(Model.of(g)));
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
    }

    @Test
    void danglingInputSuchAsAMissingInitializerIsRejected() {
        Graph g = Graph.builder("dangling")
                .input(new Value("x", VEC))
                .node(new Node("a", new Identity(), List.of("weights"), List.of("y")))
                .output(new Value("y", VEC))
                .build();
        var e = assertThrows(IllegalArgumentException.class, () -> Session.create(Model.of(g)));
        assertTrue(e.getMessage().contains("'weights'"), e.getMessage());
    }

    @Test
    void unsupportedOpNamesOpDomainAndOpset() {
        Graph g = Graph.builder("custom")
                .input(new Value("x", VEC))
                .node(new Node("n", new OpaqueOp("com.example", "Frobnicate", Attributes.EMPTY), List.of("x"),
                        List.of("y")))
                .output(new Value("y", VEC))
                .build();
        Model m = Model.of(g);
        var opsets = new java.util.LinkedHashMap<>(m.opsetImports());
        opsets.put("com.example", 3L);
        Model withDomain = new Model(g, m.irVersion(), opsets, "", "", "", 0, "", m.metadata(), m.raw());
        var e = assertThrows(UnsupportedOpException.class, () -> Session.create(withDomain));
        assertEquals("unsupported op 'Frobnicate' (domain 'com.example', opset 3): node n (Frobnicate)", e.getMessage());
    }
}
