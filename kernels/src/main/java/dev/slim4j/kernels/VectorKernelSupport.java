package dev.slim4j.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/** The preferred float species of the vector kernels and the mask of a row's last, partial vector. */
final class VectorKernelSupport {
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();

    private VectorKernelSupport() {}

    /** Lanes {@code [0, min(LANES, remaining))} set. */
    static VectorMask<Float> head(int remaining) {
        return SPECIES.indexInRange(0, remaining);
    }
}
