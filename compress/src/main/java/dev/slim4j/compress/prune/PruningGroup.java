package dev.slim4j.compress.prune;

import java.util.List;
import java.util.Optional;

/**
 * Coupled tensor axes whose channels are removed together, as DepGraph groups them: {@code tensors}
 * lists every coupled axis (activations and initializers), {@code channels} the units that can be
 * removed one by one (index i of the group is {@code channels.get(i)}). {@code unprunable} says why
 * the group must stay whole: it touches a graph input or output, an op without a channel rule, a
 * reshape whose channel mapping is not resolvable, or it holds no weights to slice.
 */
public record PruningGroup(int id, List<ChannelRef> tensors, List<Channel> channels, Optional<String> unprunable) {
    public PruningGroup {
        tensors = List.copyOf(tensors);
        channels = List.copyOf(channels);
    }

    public boolean isPrunable() { return unprunable.isEmpty(); }

    public int size() { return channels.size(); }

    /** The coupled axes with the given role. */
    public List<ChannelRef> tensors(TensorRole role) { return tensors.stream().filter(t -> t.role() == role).toList(); }

    /** The initializer axes of the group. */
    public List<ChannelRef> parameters() { return tensors.stream().filter(t -> t.role().isParameter()).toList(); }

    /** A short name: the first filter (or the first tensor) of the group. */
    public String root() {
        return tensors.stream().filter(t -> t.role() == TensorRole.FILTER).findFirst().orElse(tensors.getFirst()).describe();
    }
}
