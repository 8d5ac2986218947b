package dev.slim4j.runtime.plan;

/**
 * When a plan runs a Gemm / MatMul with a constant weight on the CSR kernel instead of the dense GEMM: when the
 * weight's density (non-zeros over elements) is at most {@code maxDensitySingle} for one activation column (batch
 * 1) or {@code maxDensityBatched} for more. {@link #measured()} holds the limits where the CSR kernel measured
 * faster than the dense one on this project's development machine (AMD Zen 4, one thread; {@code
 * SparseGemmQuickBench} in the bench module, fully connected layers from 10x100 to 1024x1024): at batch 1 it wins
 * from about 5% density down (at 10% it ties with the dense GEMV, 0.85-0.99x), at batch 32 from about 20% (1.5-2x
 * there, 0.8-1.3x at 30-50%).
 */
public record SparseLimits(double maxDensitySingle, double maxDensityBatched) {
    private static final SparseLimits MEASURED = new SparseLimits(0.05, 0.2);
    private static final SparseLimits OFF = new SparseLimits(-1, -1);
    private static final SparseLimits ALWAYS = new SparseLimits(1, 1);

    public SparseLimits {
        if (!(maxDensitySingle <= 1) || !(maxDensityBatched <= 1)) {
            throw new IllegalArgumentException("expected density limits <= 1, found " + maxDensitySingle + " and "
                    + maxDensityBatched);
        }
    }

    /** The measured limits (the default). */
    public static SparseLimits measured() { return MEASURED; }

    /** Never the sparse kernel. */
    public static SparseLimits off() { return OFF; }

    /** The sparse kernel for every constant weight (tests, benchmarks). */
    public static SparseLimits always() { return ALWAYS; }

    /** The density limit for a product with {@code columns} activation columns (the batch of a fully connected layer). */
    public double limit(int columns) { return columns <= 1 ? maxDensitySingle : maxDensityBatched; }

    /** Whether a weight of {@code density} runs sparse for {@code columns} activation columns. */
    public boolean selects(double density, int columns) { return density <= limit(columns); }
}
