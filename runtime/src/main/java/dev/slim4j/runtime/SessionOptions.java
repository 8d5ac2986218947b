package dev.slim4j.runtime;

import dev.slim4j.ir.pass.Pass;
import dev.slim4j.runtime.plan.GraphOptimizer;
import dev.slim4j.runtime.plan.KernelChoice;
import dev.slim4j.runtime.plan.SparseLimits;
import java.util.List;
import java.util.Objects;

/**
 * Typed session settings: {@code threads} is the intra-op thread count (a fixed pool per session),
 * {@code kernels} chooses fast kernels or the reference ops, and with {@code optimize} the {@code passes}
 * run over the graph before it is compiled; {@code sparse} says below which weight density a Gemm / MatMul with a
 * constant weight runs on the sparse (CSR) kernel ({@link SparseLimits#measured()} by default, {@link
 * SparseLimits#off()} for dense kernels only).
 */
public record SessionOptions(int threads, KernelChoice kernels, boolean optimize, List<Pass> passes,
                             SparseLimits sparse) {
    public SessionOptions {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        Objects.requireNonNull(kernels, "kernels");
        Objects.requireNonNull(sparse, "sparse");
        passes = List.copyOf(passes);
    }

    /** These settings with the measured sparse-kernel limits. */
    public SessionOptions(int threads, KernelChoice kernels, boolean optimize, List<Pass> passes) {
        this(threads, kernels, optimize, passes, SparseLimits.measured());
    }

    /** Default settings with {@code threads} intra-op threads. */
    public SessionOptions(int threads) {
        this(threads, KernelChoice.FAST, true, GraphOptimizer.defaultPasses());
    }

    /** One thread, fast kernels, default optimization passes. */
    public static SessionOptions defaults() { return new SessionOptions(1); }

    public SessionOptions withThreads(int t) { return new SessionOptions(t, kernels, optimize, passes, sparse); }

    public SessionOptions withKernels(KernelChoice k) { return new SessionOptions(threads, k, optimize, passes, sparse); }

    public SessionOptions withOptimize(boolean o) { return new SessionOptions(threads, kernels, o, passes, sparse); }

    public SessionOptions withPasses(List<Pass> p) { return new SessionOptions(threads, kernels, optimize, p, sparse); }

    public SessionOptions withSparse(SparseLimits s) { return new SessionOptions(threads, kernels, optimize, passes, s); }
}
