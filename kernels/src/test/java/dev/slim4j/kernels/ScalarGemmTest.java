package dev.slim4j.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The reference GEMM against products worked out by hand. */
class ScalarGemmTest {
    private final Gemm gemm = new ScalarGemm();

    // A = [[1,2,3],[4,5,6]] (2x3), B = [[7,8],[9,10],[11,12]] (3x2): A*B = [[58,64],[139,154]]
    private static final float[] A = {1, 2, 3, 4, 5, 6};
    private static final float[] A_T = {1, 4, 2, 5, 3, 6};
    private static final float[] B = {7, 8, 9, 10, 11, 12};
    private static final float[] B_T = {7, 9, 11, 8, 10, 12};

    @Test
    void plainProduct() {
        float[] c = new float[4];
        gemm.sgemm(false, false, 2, 2, 3, 1f, A, 0, 3, B, 0, 2, 0f, c, 0, 2);
        assertArrayEquals(new float[] {58, 64, 139, 154}, c);
    }

    @Test
    void transposedOperandsGiveTheSameProduct() {
        float[] c = new float[4];
        gemm.sgemm(true, true, 2, 2, 3, 1f, A_T, 0, 2, B_T, 0, 3, 0f, c, 0, 2);
        assertArrayEquals(new float[] {58, 64, 139, 154}, c);
    }

    @Test
    void alphaBetaOffsetsAndStrides() {
        // C stored with ldc 3 after one leading element; only columns 0..1 are touched.
        float[] c = {-1, 1, 2, 99, 3, 4, 99};
        float[] aPadded = {0, 0, 1, 2, 3, 0, 4, 5, 6, 0};
        gemm.sgemm(false, false, 2, 2, 3, 2f, aPadded, 2, 4, B, 0, 2, 0.5f, c, 1, 3);
        assertArrayEquals(new float[] {-1, 116.5f, 129, 99, 279.5f, 310, 99}, c);
    }

    @Test
    void betaZeroIgnoresNaNInC() {
        float[] c = {Float.NaN, Float.NaN, Float.NaN, Float.NaN};
        gemm.sgemm(false, false, 2, 2, 3, 1f, A, 0, 3, B, 0, 2, 0f, c, 0, 2);
        assertArrayEquals(new float[] {58, 64, 139, 154}, c);
    }

    @Test
    void rowBiasThenRelu() {
        float[] c = new float[4];
        float[] bias = {0, -100, -140};
        gemm.sgemm(false, false, 2, 2, 3, 1f, A, 0, 3, B, 0, 2, 0f, c, 0, 2,
                Epilogue.rowBias(bias, 1).withRelu(true), Parallelism.serial());
        assertArrayEquals(new float[] {0, 0, 0, 14}, c);
    }

    @Test
    void columnBias() {
        float[] c = new float[4];
        gemm.sgemm(false, false, 2, 2, 3, 1f, A, 0, 3, B, 0, 2, 0f, c, 0, 2,
                Epilogue.columnBias(new float[] {1, -1}, 0), Parallelism.serial());
        assertArrayEquals(new float[] {59, 63, 140, 153}, c);
    }

    @Test
    void emptyDepthScalesC() {
        float[] c = {1, 2};
        gemm.sgemm(false, false, 1, 2, 0, 1f, new float[0], 0, 1, new float[0], 0, 2, 3f, c, 0, 2);
        assertArrayEquals(new float[] {3, 6}, c);
    }

    @Test
    void rejectsShortArraysAndSmallLeadingDimensions() {
        assertThrows(IndexOutOfBoundsException.class,
                () -> gemm.sgemm(false, false, 2, 2, 3, 1f, A, 1, 3, B, 0, 2, 0f, new float[4], 0, 2));
        assertThrows(IllegalArgumentException.class,
                () -> gemm.sgemm(false, false, 2, 2, 3, 1f, A, 0, 2, B, 0, 2, 0f, new float[4], 0, 2));
    }
}
