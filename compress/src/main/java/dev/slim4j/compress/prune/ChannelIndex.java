package dev.slim4j.compress.prune;

/** Entry {@code index} along a coupled axis. */
public record ChannelIndex(ChannelRef ref, int index) {
    public ChannelIndex {
        if (index < 0 || index >= ref.size()) {
            throw new IllegalArgumentException("index " + index + " outside " + ref.describe() + " of size " + ref.size());
        }
    }
}
