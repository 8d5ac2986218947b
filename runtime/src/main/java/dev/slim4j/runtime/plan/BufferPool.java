package dev.slim4j.runtime.plan;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out the float arrays plans run in and counts every allocation, so that tests can check that steady-state
 * runs allocate no activation memory.
 */
public final class BufferPool {
    private final AtomicLong allocations = new AtomicLong();
    private final AtomicLong allocatedFloats = new AtomicLong();

    float[] allocate(long floats) {
        allocations.incrementAndGet();
        allocatedFloats.addAndGet(floats);
        return new float[(int) floats];
    }

    /** How many arrays this pool has allocated. */
    public long allocations() {
        return allocations.get();
    }

    /** How many floats this pool has allocated in all. */
    public long allocatedFloats() {
        return allocatedFloats.get();
    }
}
