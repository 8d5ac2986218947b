package dev.slim4j.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Winograd F(2x2,3x3) and F(4x4,3x3) against direct convolution; their multiply counts against direct's. */
class WinogradTest {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2);

    @AfterAll
    static void stopPool() {
        POOL.shutdown();
    }

    @Test
    void multiplyCountsAreTwoAndAQuarterAndFourTimesFewer() {
        // per output tile and channel pair: direct 9 m^2 products, Winograd (m + 2)^2
        assertEquals(36, WinogradVariant.F2X2_3X3.directMultiplications());
        assertEquals(16, WinogradVariant.F2X2_3X3.transformPoints());
        assertEquals(2.25, (double) WinogradVariant.F2X2_3X3.directMultiplications()
                / WinogradVariant.F2X2_3X3.transformPoints(), 0);
        assertEquals(144, WinogradVariant.F4X4_3X3.directMultiplications());
        assertEquals(36, WinogradVariant.F4X4_3X3.transformPoints());
        assertEquals(4.0, (double) WinogradVariant.F4X4_3X3.directMultiplications()
                / WinogradVariant.F4X4_3X3.transformPoints(), 0);
    }

    /** The written-out F(4x4) transforms against the matrix passes, over tile counts with and without a tail. */
    @Test
    void writtenOutF4TransformsMatchTheMatrixPasses() {
        WinogradTransform transform = new WinogradTransform(WinogradVariant.F4X4_3X3);
        Random random = new Random(33);
        for (int len : new int[] {1, 7, 15, 16, 17, 33, 49, 100}) {
            int stride = len + 3;
            float[] d = RandomFloats.values(random, 36 * len);
            float[] expected = new float[36 * stride + 2];
            float[] actual = new float[36 * stride + 2];
            transform.inputByMatrix(d, len, new float[36 * len], expected, 2, stride);
            WinogradF4.input(d, len, new float[36 * Math.max(len, VectorKernelSupport.LANES)], actual, 2, stride);
            assertClose(expected, actual, 1e-5, "input, " + len + " tiles");
            float[] mm = RandomFloats.values(random, 36 * stride + 1);
            float[] outExpected = new float[16 * len];
            float[] outActual = new float[16 * len];
            transform.outputByMatrix(mm, 1, stride, len, new float[24 * len], outExpected);
            WinogradF4.output(mm, 1, stride, len, new float[36 * Math.max(len, VectorKernelSupport.LANES)], outActual);
            assertClose(outExpected, outActual, 1e-5, "output, " + len + " tiles");
        }
    }

    private static void assertClose(float[] expected, float[] actual, double tolerance, String what) {
        for (int i = 0; i < expected.length; i++) {
            double scale = Math.max(1, Math.abs(expected[i]));
            assertTrue(Math.abs(expected[i] - actual[i]) <= tolerance * scale,
                    what + " at " + i + ": " + expected[i] + " vs " + actual[i]);
        }
    }

    @Test
    void onlyThreeByThreeStrideOneSingleGroup() {
        assertTrue(WinogradConv.supports(ConvGeometry.simple(1, 8, 9, 9, 8, 3, 1, 1)));
        assertFalse(WinogradConv.supports(ConvGeometry.simple(1, 8, 9, 9, 8, 3, 2, 1)));
        assertFalse(WinogradConv.supports(ConvGeometry.simple(1, 8, 9, 9, 8, 5, 1, 2)));
    }

    @Test
    void bothVariantsMatchDirectConvolution() {
        List<ConvGeometry> geometries = List.of(ConvGeometry.simple(1, 1, 3, 3, 1, 3, 1, 0),
                ConvGeometry.simple(1, 3, 7, 9, 5, 3, 1, 1), ConvGeometry.simple(2, 32, 14, 14, 32, 3, 1, 1),
                ConvGeometry.simple(1, 17, 13, 31, 33, 3, 1, 1), ConvGeometry.simple(1, 64, 8, 8, 64, 3, 1, 0),
                ConvGeometry.simple(1, 4, 2, 5, 3, 3, 1, 1));
        Random random = new Random(31);
        int index = 0;
        for (WinogradVariant variant : WinogradVariant.values()) {
            WinogradConv wino = new WinogradConv(variant, Kernels.gemm());
            for (ConvGeometry g : geometries) {
                Activation a = RandomFloats.ACTIVATIONS.get(index++ % RandomFloats.ACTIVATIONS.size());
                float[] x = RandomFloats.values(random, g.inputSize());
                float[] w = RandomFloats.values(random, g.weightSize());
                float[] bias = RandomFloats.values(random, g.outChannels());
                float[] residual = RandomFloats.values(random, g.outputSize());
                float[] expected = new float[g.outputSize()];
                float[] actual = new float[g.outputSize()];
                new ScalarConv().conv2d(g, x, 0, w, 0, bias, 0, expected, 0, a, residual, 0, Parallelism.serial());
                wino.conv2d(g, x, 0, w, 0, bias, 0, actual, 0, a, residual, 0, new Parallelism(POOL, 2));
                assertRelativeError(expected, actual, 1e-4, variant + " " + g + " " + a);
            }
        }
    }

    /** max |actual - expected| relative to max |expected|, the usual measure of Winograd's rounding error. */
    private static void assertRelativeError(float[] expected, float[] actual, double bound, String what) {
        double maxDiff = 0;
        double scale = 1e-3;
        for (int i = 0; i < expected.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(expected[i] - actual[i]));
            scale = Math.max(scale, Math.abs(expected[i]));
        }
        assertTrue(maxDiff / scale <= bound, what + ": relative error " + maxDiff / scale + " above " + bound);
    }
}
