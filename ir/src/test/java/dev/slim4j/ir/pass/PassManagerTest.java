package dev.slim4j.ir.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.GraphParser;
import dev.slim4j.ir.GraphPrinter;
import dev.slim4j.ir.GraphVerificationException;
import dev.slim4j.ir.Model;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassManagerTest {
    private static final String TEXT = """
            graph g (x: float32[2]) -> (y: float32[2])
              a = Identity(x)
              dead = Neg(a)
              y = Relu(a)
            """;

    /** A broken pass: drops the first node, leaving its readers dangling. */
    static final class DropFirstNode implements Pass {
        @Override public Graph apply(Graph g) { return g.toBuilder().nodes(g.nodes().subList(1, g.nodes().size())).build(); }
    }

    @Test void runsPassesInOrder() {
        Graph g = PassManager.of(new EliminateIdentity(), new EliminateDeadNodes()).checked().run(GraphParser.parse(TEXT));
        assertEquals("""
                graph g (x: float32[2]) -> (y: float32[2])
                  y = Relu(x)
                """, GraphPrinter.print(g));
    }

    @Test void checkedModeNamesThePassThatBrokeTheGraph() {
        var e = assertThrows(GraphVerificationException.class,
                () -> PassManager.of(new DropFirstNode()).checked().run(GraphParser.parse(TEXT)));
        assertEquals("graph 'g' is invalid after pass DropFirstNode: node dead (Neg) reads 'a', which no graph input,"
                + " initializer or node produces; node y (Relu) reads 'a', which no graph input, initializer or node"
                + " produces", e.getMessage());
        assertEquals(2, e.problems().size());
    }

    @Test void checkedModeRejectsAnInvalidInput() {
        var e = assertThrows(GraphVerificationException.class, () -> PassManager.of(List.of()).checked()
                .run(GraphParser.parse("graph g () -> (y: float32[1])")));
        assertEquals("graph 'g' is invalid before the first pass: graph output 'y' is not produced by any input,"
                + " initializer or node", e.getMessage());
    }

    @Test void uncheckedModeDoesNotVerify() {
        Graph g = PassManager.of(new DropFirstNode()).run(GraphParser.parse(TEXT));
        assertEquals(2, g.nodes().size());
    }

    @Test void runsOnAModelWithItsOpsets() {
        Model m = Model.of(GraphParser.parse(TEXT));
        Model out = PassManager.of(new EliminateIdentity()).checked().run(m);
        assertEquals(3, m.graph().nodes().size());
        assertEquals(2, out.graph().nodes().size());
        assertEquals(m.opsetImports(), out.opsetImports());
    }
}
