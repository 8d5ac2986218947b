package dev.slim4j.runtime;

import dev.slim4j.ir.pass.Pass;
import dev.slim4j.runtime.plan.GraphOptimizer;
import dev.slim4j.runtime.plan.KernelChoice;
import java.util.List;
import java.util.Objects;

/**
 * Typed session settings: {@code threads} is the intra-op thread count (a fixed pool per session),
 * {@code kernels} chooses fast kernels or the reference ops, and with {@code optimize} the {@code passes}
 * run over the graph before it is compiled.
 */
public record SessionOptions(int threads, KernelChoice kernels, boolean optimize, List<Pass> passes) {
    public SessionOptions {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        Objects.requireNonNull(kernels, "kernels");
        passes = List.copyOf(passes);
    }

    /** Default settings with {@code threads} intra-op threads. */
    public SessionOptions(int threads) {
        this(threads, KernelChoice.FAST, true, GraphOptimizer.defaultPasses());
    }

    /** One thread, fast kernels, default optimization passes. */
    public static SessionOptions defaults() { return new SessionOptions(1); }

    public SessionOptions withThreads(int t) { return new SessionOptions(t, kernels, optimize, passes); }

    public SessionOptions withKernels(KernelChoice k) { return new SessionOptions(threads, k, optimize, passes); }

    public SessionOptions withOptimize(boolean o) { return new SessionOptions(threads, kernels, o, passes); }

    public SessionOptions withPasses(List<Pass> p) { return new SessionOptions(threads, kernels, optimize, p); }
}
