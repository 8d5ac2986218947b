package dev.slim4j.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The preferred float species of the vector kernels, the mask of a row's last, partial vector, the rounding
 * constant of the requantizing kernels, and sums of a vector's lanes in a fixed order.
 */
final class VectorKernelSupport {
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    /** 1.5 * 2^23: adding and subtracting it rounds a float of magnitude below 2^22 to an integer, ties to even. */
    static final float ROUNDER = 12582912f;

    private VectorKernelSupport() {}

    /**
     * The lanes of {@code v} added one after the other from lane 0. {@code reduceLanes(ADD)} may add them in any
     * order, and does: compiled by C2 on an AVX2 CPU it added them pairwise while the same code not yet compiled
     * added them in lane order, so a training step gave other bits once the JIT had warmed up.
     */
    static float sumInLaneOrder(FloatVector v) {
        float sum = v.lane(0);
        for (int i = 1; i < v.length(); i++) sum += v.lane(i);
        return sum;
    }

    /** As {@link #sumInLaneOrder(FloatVector)}, for doubles. */
    static double sumInLaneOrder(DoubleVector v) {
        double sum = v.lane(0);
        for (int i = 1; i < v.length(); i++) sum += v.lane(i);
        return sum;
    }

    /** Lanes {@code [0, min(LANES, remaining))} set. */
    static VectorMask<Float> head(int remaining) {
        return SPECIES.indexInRange(0, remaining);
    }
}
