package dev.slim4j.kernels;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * How many threads a kernel may use and where it runs them: {@code threads - 1} tasks go to the executor and
 * one part runs on the calling thread. The executor must not be saturated by callers waiting on kernels.
 */
public record Parallelism(Executor executor, int threads) {
    private static final Parallelism SERIAL = new Parallelism(Runnable::run, 1);

    public Parallelism {
        Objects.requireNonNull(executor, "executor");
        if (threads < 1) {
            throw new IllegalArgumentException("expected threads >= 1, found " + threads);
        }
    }

    /** Everything on the calling thread. */
    public static Parallelism serial() {
        return SERIAL;
    }

    /** Runs {@code parts} tasks (index 0..parts-1): part 0 on the calling thread, the others on the executor. */
    void run(int parts, PartTask task) {
        if (parts <= 1) {
            task.run(0);
            return;
        }
        List<CompletableFuture<Void>> pending = new ArrayList<>(parts - 1);
        for (int part = 1; part < parts; part++) {
            int index = part;
            pending.add(CompletableFuture.runAsync(() -> task.run(index), executor));
        }
        task.run(0);
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** One slice of a parallel kernel. */
    @FunctionalInterface
    interface PartTask {
        void run(int part);
    }
}
