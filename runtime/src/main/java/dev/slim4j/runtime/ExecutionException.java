package dev.slim4j.runtime;

import dev.slim4j.ir.Node;

/** A node failed while running; the message names the node and op, the cause says why. */
public class ExecutionException extends RuntimeException {
    public ExecutionException(Node node, RuntimeException cause) {
        super("node " + node.describe() + " failed: " + cause.getMessage(), cause);
    }
}
