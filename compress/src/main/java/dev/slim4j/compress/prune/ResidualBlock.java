package dev.slim4j.compress.prune;

import java.util.List;

/**
 * A residual block that can be replaced by the identity: {@code add} computes {@code input} plus a
 * branch made of {@code branch} nodes (in graph order) that starts at {@code input}, is read only by
 * {@code add}, and gives the input's shape. Removing it, y = x + f(x) becomes y = x.
 */
public record ResidualBlock(String add, String input, List<String> branch) {
    public ResidualBlock {
        branch = List.copyOf(branch);
    }
}
