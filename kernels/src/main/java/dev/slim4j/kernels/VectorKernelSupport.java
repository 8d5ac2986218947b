package dev.slim4j.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The preferred float species of the vector kernels, the mask of a row's last, partial vector, and the rounding
 * constant of the requantizing kernels.
 */
final class VectorKernelSupport {
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    /** 1.5 * 2^23: adding and subtracting it rounds a float of magnitude below 2^22 to an integer, ties to even. */
    static final float ROUNDER = 12582912f;

    private VectorKernelSupport() {}

    /** Lanes {@code [0, min(LANES, remaining))} set. */
    static VectorMask<Float> head(int remaining) {
        return SPECIES.indexInRange(0, remaining);
    }
}
