package dev.slim4j.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/** The holder picks the vector kernels in the test JVM (which has the incubator module) unless forced scalar. */
class KernelsTest {

    @Test
    void choosesVectorKernelsWhenUsable() {
        boolean expectVector = !Boolean.getBoolean("slim4j.kernels.scalar")
                && FloatVector.SPECIES_PREFERRED.length() >= 8;
        assertEquals(expectVector, Kernels.vectorized(), () -> "fallback: " + Kernels.fallbackReason());
        if (expectVector) {
            assertInstanceOf(VectorGemm.class, Kernels.gemm());
            assertInstanceOf(Im2colConv.class, Kernels.conv());
        } else {
            assertInstanceOf(ScalarGemm.class, Kernels.gemm());
            assertTrue(Kernels.fallbackReason().isPresent());
        }
    }
}
