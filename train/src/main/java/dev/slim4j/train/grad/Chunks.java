package dev.slim4j.train.grad;

import dev.slim4j.kernels.Parallelism;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Splits {@code n} items (images of a batch, channels) into at most {@code threads} contiguous parts and
 * runs one task per part: part 0 on the calling thread, the others on the parallelism's executor. The
 * split depends only on n and the thread count, so results that are summed part by part in part order
 * repeat exactly for a given thread count.
 */
final class Chunks {
    private Chunks() {}

    @FunctionalInterface
    interface Task {
        void run(int part, int from, int to);
    }

    /** How many parts {@link #run} uses for {@code n} items. */
    static int parts(Parallelism par, int n) { return Math.max(1, Math.min(par.threads(), n)); }

    static void run(Parallelism par, int n, Task task) {
        int parts = parts(par, n);
        if (parts == 1) {
            task.run(0, 0, n);
            return;
        }
        List<CompletableFuture<Void>> pending = new ArrayList<>(parts - 1);
        for (int p = 1; p < parts; p++) {
            int part = p;
            pending.add(CompletableFuture.runAsync(() -> task.run(part, start(n, parts, part), start(n, parts, part + 1)),
                    par.executor()));
        }
        task.run(0, 0, start(n, parts, 1));
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    private static int start(int n, int parts, int part) { return (int) ((long) n * part / parts); }
}
