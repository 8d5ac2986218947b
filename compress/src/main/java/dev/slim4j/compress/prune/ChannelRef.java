package dev.slim4j.compress.prune;

import java.util.Objects;

/**
 * One coupled axis: {@code axis} of the value or initializer {@code tensor}, which has {@code size}
 * entries along it, playing {@code role}. A tensor axis appears in a dependency graph at most once.
 */
public record ChannelRef(String tensor, int axis, int size, TensorRole role) {
    public ChannelRef {
        Objects.requireNonNull(tensor, "tensor");
        Objects.requireNonNull(role, "role");
        if (axis < 0 || size < 1) throw new IllegalArgumentException("expected axis >= 0 and size >= 1, found " + axis + ", " + size);
    }

    /** "name[axis]", as the group table prints it. */
    public String describe() { return tensor + "[" + axis + "]"; }
}
