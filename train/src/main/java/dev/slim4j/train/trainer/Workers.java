package dev.slim4j.train.trainer;

import dev.slim4j.kernels.Parallelism;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The threads a training or evaluation run uses: {@code threads - 1} daemon workers plus the caller, closed after the run. */
final class Workers implements AutoCloseable {
    private final ExecutorService executor;
    private final Parallelism parallelism;

    private Workers(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, found " + threads);
        if (threads == 1) {
            executor = null;
            parallelism = Parallelism.serial();
        } else {
            AtomicInteger n = new AtomicInteger();
            executor = Executors.newFixedThreadPool(threads - 1, r -> {
                Thread t = new Thread(r, "slim4j-train-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            parallelism = new Parallelism(executor, threads);
        }
    }

    static Workers of(int threads) { return new Workers(threads); }

    Parallelism parallelism() { return parallelism; }

    @Override public void close() {
        if (executor != null) executor.shutdownNow();
    }
}
