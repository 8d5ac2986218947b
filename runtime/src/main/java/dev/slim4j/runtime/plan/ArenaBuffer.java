package dev.slim4j.runtime.plan;

/**
 * A region of the arena for one value (and the values aliasing it) or one step's scratch: {@code floats}
 * long, live from step {@code first} to step {@code last} inclusive; the memory planner sets {@code offset}.
 */
final class ArenaBuffer {
    final String name;
    final long floats;
    final int first;
    int last;
    int offset = -1;

    ArenaBuffer(String name, long floats, int first) {
        this.name = name;
        this.floats = floats;
        this.first = first;
        this.last = first;
    }

    /** Extends the lifetime to cover step {@code step}. */
    void useAt(int step) {
        last = Math.max(last, step);
    }

    boolean overlaps(ArenaBuffer o) {
        return first <= o.last && o.first <= last;
    }

    @Override public String toString() {
        return name + "[" + first + ".." + last + "]@" + offset + "+" + floats;
    }
}
