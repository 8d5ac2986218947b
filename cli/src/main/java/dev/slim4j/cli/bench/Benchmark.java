package dev.slim4j.cli.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Warm-up, then measured runs alternating the targets (A B A B ...), so that slow drifts of the
 * machine (other processes, frequency, heat) touch every runtime alike. Warm-up runs its rounds and its
 * seconds, whichever is longer, and then until the JIT is quiet; measuring stops at its run count or its time limit, whichever comes first, after
 * at least one round. Progress goes to
 * {@code progress} at most every two seconds, and only for runs that take that long.
 */
final class Benchmark {
    private static final long PROGRESS_EVERY_NS = 2_000_000_000L;
    static final int MAX_WARMUP_ROUNDS = 100_000;
    /** The JIT counts as done when it has compiled nothing for this long. */
    static final long JIT_QUIET_NS = 1_000_000_000L;
    /** Waiting for the JIT stops this long after the warm-up's own seconds. */
    static final long MAX_JIT_WAIT_NS = 60_000_000_000L;

    private final List<InferenceTarget> targets;
    private final BenchOptions options;
    private final PrintStream progress;
    private final long started = System.nanoTime();
    private long lastReport = started;
    private int warmupDone;

    private Benchmark(List<InferenceTarget> targets, BenchOptions options, PrintStream progress) {
        if (targets.isEmpty()) throw new IllegalArgumentException("nothing to benchmark");
        this.targets = List.copyOf(targets);
        this.options = options;
        this.progress = progress;
    }

    /** The measured run times per target name, in target order, and how many warm-up rounds ran. */
    record Timings(Map<String, LatencyStats> stats, int warmupRounds, boolean timeLimited) {}

    static Timings run(List<InferenceTarget> targets, BenchOptions options, PrintStream progress) {
        Benchmark b = new Benchmark(targets, options, progress);
        b.warmUp();
        return b.measure();
    }

    /**
     * At least the warm-up rounds and at least the warm-up seconds (the JIT needs thousands of calls of a small
     * model's kernels, which a round count alone does not give), then on until the JIT has compiled nothing for
     * {@link #JIT_QUIET_NS} ({@link JitActivity}), for at most {@link #MAX_JIT_WAIT_NS} more; at most
     * {@link #MAX_WARMUP_ROUNDS} rounds.
     */
    private void warmUp() {
        long deadline = System.nanoTime() + (long) (options.warmupSeconds() * 1e9);
        long jitDeadline = deadline + MAX_JIT_WAIT_NS;
        JitActivity jit = new JitActivity();
        while (warmupDone < MAX_WARMUP_ROUNDS
                && (warmupDone < options.warmupRuns() || System.nanoTime() < deadline
                    || (!jit.idleFor(JIT_QUIET_NS) && System.nanoTime() < jitDeadline))) {
            for (InferenceTarget t : targets) t.runOnce();
            warmupDone++;
            report("warm-up", warmupDone, options.warmupRuns());
        }
    }

    private Timings measure() {
        long[][] times = new long[targets.size()][options.runs()];
        long deadline = System.nanoTime() + (long) (options.maxSeconds() * 1e9);
        int done = 0;
        while (done < options.runs()) {
            for (int k = 0; k < targets.size(); k++) {
                long start = System.nanoTime();
                targets.get(k).runOnce();
                times[k][done] = System.nanoTime() - start;
            }
            done++;
            report("run", done, options.runs());
            if (System.nanoTime() > deadline) break;
        }
        Map<String, LatencyStats> stats = new LinkedHashMap<>();
        for (int k = 0; k < targets.size(); k++) {
            stats.put(targets.get(k).name(), LatencyStats.of(Arrays.copyOf(times[k], done)));
        }
        return new Timings(stats, warmupDone, done < options.runs());
    }

    private void report(String phase, int done, int total) {
        long now = System.nanoTime();
        if (now - lastReport < PROGRESS_EVERY_NS) return;
        lastReport = now;
        progress.printf("bench: %s %d/%d (%.0f s elapsed)%n", phase, done, total, (now - started) / 1e9);
    }
}
