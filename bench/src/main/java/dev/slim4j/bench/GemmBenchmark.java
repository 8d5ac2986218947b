package dev.slim4j.bench;

import dev.slim4j.kernels.Epilogue;
import dev.slim4j.kernels.Gemm;
import dev.slim4j.kernels.Kernels;
import dev.slim4j.kernels.Parallelism;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SGEMM n x n x n with the chosen kernel on 1 or 2 threads. JMH reports seconds per operation;
 * GFLOP/s = 2 n^3 / 1e9 / score (for n = 1024: 2.147 / score). Run:
 * {@code java -jar bench/target/slim4j-benchmarks.jar GemmBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class GemmBenchmark {
    @Param({"1024"})
    public int size;

    @Param({"1", "2"})
    public int threads;

    private float[] a;
    private float[] b;
    private float[] c;
    private Gemm gemm;
    private ExecutorService pool;
    private Parallelism parallelism;

    @Setup(Level.Trial)
    public void setUp() {
        a = GemmQuickBench.random(size * size, 1);
        b = GemmQuickBench.random(size * size, 2);
        c = new float[size * size];
        gemm = Kernels.gemm();
        pool = Executors.newFixedThreadPool(Math.max(1, threads - 1));
        parallelism = new Parallelism(pool, threads);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.shutdown();
    }

    @Benchmark
    public float[] sgemm() {
        gemm.sgemm(false, false, size, size, size, 1f, a, 0, size, b, 0, size, 0f, c, 0, size,
                Epilogue.none(), parallelism);
        return c;
    }
}
