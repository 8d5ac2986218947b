package dev.slim4j.ir.rewrite;

import dev.slim4j.ir.Node;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The nodes a {@link Pattern} bound, by label; the root is the node the match started from. */
public record Match(Node root, Map<String, Node> nodes) {
    public Match {
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
    }

    /** The node bound to {@code label}; fails naming the labels bound when there is none. */
    public Node node(String label) {
        Node n = nodes.get(label);
        if (n == null) throw new IllegalArgumentException("no node labelled '" + label + "', bound: " + nodes.keySet());
        return n;
    }

    public Collection<Node> all() { return nodes.values(); }
}
