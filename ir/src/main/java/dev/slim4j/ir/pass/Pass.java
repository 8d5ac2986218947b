package dev.slim4j.ir.pass;

import dev.slim4j.ir.Graph;

/** One transformation of a graph, named with a verb phrase. It returns a new graph and never changes its argument. */
public interface Pass {
    /** The name used in logs and error messages; the class name by default. */
    default String name() { return getClass().getSimpleName(); }

    Graph apply(Graph graph);
}
