package dev.slim4j.ir.rewrite;

import dev.slim4j.ir.Node;
import dev.slim4j.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;

/**
 * The nodes that take the place of a match's root (in order; together they must produce every output
 * of the root that is read) and the new initializers they read.
 */
public record Rewrite(List<Node> nodes, SequencedMap<String, Tensor> initializers) {
    public Rewrite {
        nodes = List.copyOf(nodes);
        initializers = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(initializers));
    }

    /** The root replaced by one node. */
    public static Optional<Rewrite> of(Node node) { return Optional.of(new Rewrite(List.of(node), new LinkedHashMap<>())); }

    /** The root replaced by one node reading new initializers. */
    public static Optional<Rewrite> of(Node node, Map<String, Tensor> initializers) {
        return Optional.of(new Rewrite(List.of(node), new LinkedHashMap<>(initializers)));
    }
}
