package dev.slim4j.compress.prune;

import java.util.List;

/**
 * One prunable unit of a group: every tensor entry that must go when it goes (a filter, its bias,
 * BatchNorm entries, the next layer's input slice, the matching entries of residual partners, a
 * block of Gemm features after a Flatten). Usually one index per coupled axis; a channel shuffle or
 * a Flatten gives several along one axis.
 */
public record Channel(List<ChannelIndex> indices) {
    public Channel {
        indices = List.copyOf(indices);
        if (indices.isEmpty()) throw new IllegalArgumentException("a channel couples at least one tensor entry");
    }

    /** The indices along {@code ref}, in increasing order. */
    public List<Integer> indicesOf(ChannelRef ref) {
        return indices.stream().filter(i -> i.ref().equals(ref)).map(ChannelIndex::index).sorted().toList();
    }
}
