package dev.slim4j.runtime;

/**
 * Typed session settings. {@code threads} is the intra-op thread count (the reference runtime runs
 * single-threaded and ignores it).
 */
public record SessionOptions(int threads) {
    public SessionOptions {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }

    public static SessionOptions defaults() { return new SessionOptions(1); }

    public SessionOptions withThreads(int t) { return new SessionOptions(t); }
}
