package dev.slim4j.runtime.plan;

/**
 * When a plan runs a Gemm / MatMul with a constant weight on the CSR kernel instead of the dense GEMM: when the
 * weight's density (non-zeros over elements) is at most {@code maxDensitySingle} for one activation column (batch
 * 1) or {@code maxDensityBatched} for more; a pointwise (1x1, stride 1, unpadded, one group) convolution when at most
 * {@code maxDensityPointwise}. {@link #measured()} holds the limits where the CSR kernel measured
 * faster than the dense one on this project's development machine (AMD EPYC Zen 4, one thread, best of 300 runs in
 * alternating blocks, {@code SparseGemmQuickBench} in the bench module, fully connected layers 300x784, 100x300,
 * 10x100, 500x784 and 1024x1024 with random sparsity): at batch 1, 1.00-1.44x at 10% density and 0.72-0.96x at 15%;
 * at batch 32, 1.47-1.83x at 25% and 0.84-0.97x at 50% (a noisier run: 1.00-1.27x at 25%). Batches between 2 and
 * 31 were not measured and take the batch-32 limit. Pointwise convolutions of one image (16x32 at 56x56, 64x64 at
 * 28x28, 128x128 at 14x14, 256x256 at 7x7, 64x128 at 28x28) against the dense GEMM the conv rule runs: 1.36-1.62x
 * at 20% density, 0.93-1.38x at 25%.
 */
public record SparseLimits(double maxDensitySingle, double maxDensityBatched, double maxDensityPointwise) {
    private static final double POINTWISE_MEASURED = 0.2;
    private static final SparseLimits MEASURED = new SparseLimits(0.10, 0.25, POINTWISE_MEASURED);
    private static final SparseLimits OFF = new SparseLimits(-1, -1, -1);
    private static final SparseLimits ALWAYS = new SparseLimits(1, 1, 1);

    public SparseLimits {
        if (!(maxDensitySingle <= 1) || !(maxDensityBatched <= 1) || !(maxDensityPointwise <= 1)) {
            throw new IllegalArgumentException("expected density limits <= 1, found " + maxDensitySingle + ", "
                    + maxDensityBatched + " and " + maxDensityPointwise);
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
