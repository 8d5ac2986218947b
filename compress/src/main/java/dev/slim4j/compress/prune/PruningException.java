package dev.slim4j.compress.prune;

/** A pruning plan or setting that cannot be applied; the message names the group and what was expected. */
public final class PruningException extends RuntimeException {
    public PruningException(String message) { super(message); }
}
