package dev.slim4j.kernels;

import java.util.Optional;
import jdk.incubator.vector.FloatVector;

/**
 * The only class {@link Kernels} touches to reach the Vector API; loaded only after the incubator module was
 * found in the boot layer, so a JVM without it never links {@code jdk.incubator.vector} classes.
 */
final class VectorKernels {
    static final int MIN_FLOAT_LANES = 8;

    private VectorKernels() {}

    /** Why the vector kernels should not be used here, or empty when they should. */
    static Optional<String> unusableReason() {
        int lanes = FloatVector.SPECIES_PREFERRED.length();
        if (lanes < MIN_FLOAT_LANES) {
            return Optional.of("the preferred float species has " + lanes + " lanes, expected at least "
                    + MIN_FLOAT_LANES + " (no AVX2/AVX-512 or SVE>=256)");
        }
        return Optional.empty();
    }

    static DirectConv directConv() {
        return new DirectConv();
    }

    static Gemm gemm() {
        return new VectorGemm(GemmBlocking.forFloatLanes(FloatVector.SPECIES_PREFERRED.length()));
    }

    static SparseGemm sparseGemm() {
        return new VectorSparseGemm();
    }

    static DepthwiseConv depthwise() {
        return new VectorDepthwiseConv();
    }

    static Int8Depthwise int8Depthwise() {
        return VectorInt8Depthwise.usable() ? new VectorInt8Depthwise() : new ScalarInt8Depthwise();
    }

    static Pooling pooling() {
        return new VectorPooling();
    }

    static Elementwise elementwise() {
        return new VectorElementwise();
    }

    static Gemm gemm(GemmBlocking blocking) {
        return new VectorGemm(blocking);
    }
}
