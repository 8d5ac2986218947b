package dev.slim4j.cli.bench;

import dev.slim4j.cli.UsageException;

/**
 * Settings of one benchmark: batch (the value of every symbolic input dim), threads (slim4j's
 * SessionOptions threads and ORT's intra-op threads), warm-up runs and seconds, measured runs and
 * seconds, the peer runtime (or none), the input seed and the agreement tolerance.
 */
public record BenchOptions(int batch, int threads, int warmupRuns, double warmupSeconds, int runs,
                           double maxSeconds, Peer peer, long seed, double tolerance) {
    /** The runtime slim4j is compared with. */
    public enum Peer { NONE, ORT }

    static final int MAX_BATCH = 1 << 16;
    static final int MAX_THREADS = 1024;

    public BenchOptions {
        check(batch >= 1 && batch <= MAX_BATCH, "--batch must be in 1.." + MAX_BATCH + ", found " + batch);
        check(threads >= 1 && threads <= MAX_THREADS, "--threads must be in 1.." + MAX_THREADS + ", found " + threads);
        check(warmupRuns >= 0, "--warmup must be 0 or more runs, found " + warmupRuns);
        check(warmupSeconds >= 0 && Double.isFinite(warmupSeconds),
                "--warmup-seconds must be a finite number >= 0, found " + warmupSeconds);
        check(runs >= 1, "--runs must be at least 1, found " + runs);
        check(maxSeconds > 0 && Double.isFinite(maxSeconds), "--max-seconds must be a finite number > 0, found " + maxSeconds);
        check(peer != null, "peer must not be null");
        check(tolerance > 0 && Double.isFinite(tolerance), "--tolerance must be a finite number > 0, found " + tolerance);
    }

    /** 1 image, 1 thread, warm-up of 5 runs and 3 s (the longer), 50 runs (at most 60 s), no peer, seed 0, tolerance 1e-3. */
    public static BenchOptions defaults() { return new BenchOptions(1, 1, 5, 3, 50, 60, Peer.NONE, 0, 1e-3); }

    public BenchOptions withBatch(int b) {
        return new BenchOptions(b, threads, warmupRuns, warmupSeconds, runs, maxSeconds, peer, seed, tolerance);
    }

    public BenchOptions withThreads(int t) {
        return new BenchOptions(batch, t, warmupRuns, warmupSeconds, runs, maxSeconds, peer, seed, tolerance);
    }

    public BenchOptions withWarmup(int w, double seconds) {
        return new BenchOptions(batch, threads, w, seconds, runs, maxSeconds, peer, seed, tolerance);
    }

    public BenchOptions withRuns(int r, double seconds) {
        return new BenchOptions(batch, threads, warmupRuns, warmupSeconds, r, seconds, peer, seed, tolerance);
    }

    public BenchOptions withPeer(Peer p) {
        return new BenchOptions(batch, threads, warmupRuns, warmupSeconds, runs, maxSeconds, p, seed, tolerance);
    }

    public BenchOptions withSeed(long s) {
        return new BenchOptions(batch, threads, warmupRuns, warmupSeconds, runs, maxSeconds, peer, s, tolerance);
    }

    public BenchOptions withTolerance(double t) {
        return new BenchOptions(batch, threads, warmupRuns, warmupSeconds, runs, maxSeconds, peer, seed, t);
    }

    /** Parses the value of {@code --compare}. */
    static Peer peer(String name) {
        return switch (name) {
            case "ort", "onnxruntime" -> Peer.ORT;
            case "none" -> Peer.NONE;
            default -> throw new UsageException("--compare expects 'ort' (ONNX Runtime) or 'none', found '" + name + "'");
        };
    }

    private static void check(boolean ok, String message) {
        if (!ok) throw new UsageException(message);
    }
}
