package dev.slim4j.ir;

import java.util.List;

/** A graph breaks the IR's rules (SSA, no dangling values, topological order, consistent types); lists every problem. */
public class GraphVerificationException extends RuntimeException {
    private final List<String> problems;

    public GraphVerificationException(String graphName, List<String> problems) {
        this(problems, "graph '" + graphName + "' is invalid: " + String.join("; ", problems));
    }

    /** The same problems under another headline (for example naming the pass that caused them). */
    public GraphVerificationException(List<String> problems, String message) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    /** One message per problem, each naming the node and value concerned. */
    public List<String> problems() { return problems; }
}
