package dev.slim4j.compress.prune;

/**
 * A Reshape target entry that follows a channel count: after pruning, entry {@code position} of the
 * target read by {@code node} becomes (kept entries of {@code ref}) * multiplier / divisor, unless
 * it is 0 or -1 (copied or inferred), which stay.
 */
record ShapeFix(String node, int position, ChannelRef ref, long multiplier, long divisor) {}
