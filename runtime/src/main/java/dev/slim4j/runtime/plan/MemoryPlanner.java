package dev.slim4j.runtime.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Assigns arena offsets to buffers so that buffers whose lifetimes overlap never share memory: greedy best-fit,
 * largest buffer first (ties: earlier first), each placed in the smallest gap between already placed,
 * overlapping buffers that holds it, else after the last of them. Returns the arena size in floats.
 */
final class MemoryPlanner {
    private MemoryPlanner() {}

    /** Sets every buffer's offset and returns the peak (arena length in floats). */
    static long plan(List<ArenaBuffer> buffers) {
        List<ArenaBuffer> order = new ArrayList<>(buffers);
        order.sort(Comparator.comparingLong((ArenaBuffer b) -> -b.floats).thenComparingInt(b -> b.first));
        List<ArenaBuffer> placed = new ArrayList<>();
        long peak = 0;
        for (ArenaBuffer b : order) {
            long offset = bestFit(b, placed);
            if (offset + b.floats > Integer.MAX_VALUE) {
                throw new IllegalStateException("expected activations to fit in one float[] (2^31 elements), found "
                        + "an arena of " + (offset + b.floats) + " floats");
            }
            b.offset = (int) offset;
            placed.add(b);
            peak = Math.max(peak, offset + b.floats);
        }
        return peak;
    }

    private static long bestFit(ArenaBuffer b, List<ArenaBuffer> placed) {
        List<ArenaBuffer> live = new ArrayList<>();
        for (ArenaBuffer p : placed) if (p.overlaps(b)) live.add(p);
        live.sort(Comparator.comparingInt(p -> p.offset));
        long best = -1;
        long bestGap = Long.MAX_VALUE;
        long cursor = 0;
        for (ArenaBuffer p : live) {
            long gap = p.offset - cursor;
            if (gap >= b.floats && gap < bestGap) {
                best = cursor;
                bestGap = gap;
            }
            cursor = Math.max(cursor, p.offset + p.floats);
        }
        return best >= 0 ? best : cursor;
    }
}
