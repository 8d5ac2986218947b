package dev.slim4j.runtime.plan;

import dev.slim4j.kernels.Parallelism;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import java.util.function.IntConsumer;

/**
 * A fixed pool of {@code threads - 1} daemon threads (the caller is the last worker) for intra-op parallelism:
 * handed to kernels as {@link Parallelism} and used by steps to split images or channels. Closed with its session.
 */
public final class Workers implements AutoCloseable {
    private final int threads;
    private final ExecutorService pool;
    private final Parallelism parallelism;

    public Workers(int threads) {
        if (threads < 1) throw new IllegalArgumentException("expected threads >= 1, found " + threads);
        this.threads = threads;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "slim4j-intra-op");
            t.setDaemon(true);
            return t;
        });
        this.parallelism = pool == null ? Parallelism.serial() : new Parallelism(pool, threads);
    }

    public int threads() {
        return threads;
    }

    public Parallelism parallelism() {
        return parallelism;
    }

    /** Runs {@code task.accept(part)} for part 0..parts-1: part 0 here, the others on the pool; waits for all. */
    void forEach(int parts, IntConsumer task) {
        if (parts <= 1 || pool == null) {
            for (int p = 0; p < parts; p++) task.accept(p);
            return;
        }
        Future<?>[] pending = new Future<?>[parts - 1];
        for (int p = 1; p < parts; p++) {
            int part = p;
            pending[p - 1] = pool.submit(() -> task.accept(part));
        }
        task.accept(0);
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for intra-op workers", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                if (e.getCause() instanceof Error err) throw err;
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** Splits {@code [0, count)} into at most {@code threads} contiguous ranges run in parallel. */
    void forRanges(int count, RangeTask task) {
        int parts = Math.min(threads, count);
        forEach(parts, p -> {
            int from = (int) ((long) count * p / parts);
            int to = (int) ((long) count * (p + 1) / parts);
            if (to > from) task.run(p, from, to);
        });
    }

    @Override public void close() {
        if (pool != null) pool.shutdownNow();
    }

    /** One contiguous range of a split loop, with the index of its part (for per-part scratch). */
    @FunctionalInterface
    interface RangeTask {
        void run(int part, int from, int to);
    }
}
