package dev.slim4j.ir.rewrite;

import java.util.Optional;

/**
 * What a matched pattern becomes: the nodes computing the root's outputs, or empty when a check the
 * pattern cannot express (a constant's shape, a dtype) fails and the graph must stay as it is.
 */
@FunctionalInterface
public interface Replacement {
    Optional<Rewrite> replace(Match match, GraphIndex graph);
}
