package dev.slim4j.ir.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.GraphParser;
import dev.slim4j.ir.GraphPrinter;
import dev.slim4j.tensor.Tensor;
import java.util.Map;

/** A before/after case: the pass, run checked, turns the first text into the second (compared as printed). */
final class PassCase {
    private PassCase() {}

    static Graph run(Pass pass, String before) {
        return PassManager.of(pass).checked().run(GraphParser.parse(before));
    }

    static void check(Pass pass, String before, String after) {
        check(pass, before, after, Map.of());
    }

    static void check(Pass pass, String before, String after, Map<String, Tensor> inits) {
        Graph result = PassManager.of(pass).checked().run(GraphParser.parse(before, inits));
        assertEquals(GraphPrinter.print(GraphParser.parse(after, inits)), GraphPrinter.print(result));
    }
}
