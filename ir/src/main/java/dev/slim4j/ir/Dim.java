package dev.slim4j.ir;

/** One dimension of a value's static type: a known size, a named symbol (such as a batch size), or unknown. */
public sealed interface Dim {
    record Fixed(long size) implements Dim {
        public Fixed {
            if (size < 0) throw new IllegalArgumentException("dimension size " + size + " is negative");
        }
        @Override public String toString() { return Long.toString(size); }
    }

    record Symbol(String name) implements Dim {
        @Override public String toString() { return name; }
    }

    record Unknown() implements Dim {
        @Override public String toString() { return "?"; }
    }

    static Dim of(long size) { return new Fixed(size); }

    static Dim symbol(String name) { return new Symbol(name); }

    static Dim unknown() { return new Unknown(); }

    default boolean isFixed() { return this instanceof Fixed; }

    /** The size of a fixed dimension; fails for symbols and unknowns. */
    default long size() {
        if (this instanceof Fixed f) return f.size();
        throw new IllegalStateException("dimension " + this + " has no fixed size");
    }
}
