package dev.slim4j.kernels;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Vector element-wise kernels against the scalar ones over odd sizes, offsets and every activation. */
class ElementwiseDifferentialTest {
    private final Elementwise scalar = new ScalarElementwise();
    private final Elementwise vector = VectorKernels.elementwise();
    private final Random random = new Random(41);

    /** Ties at every half step, saturation, infinities, NaN and both 8-bit types: the vector quantizer equals the scalar one. */
    @Test
    void quantizeMatchesScalarExactly() {
        int[][] types = {{0, 255, 0}, {0, 255, 128}, {0, 255, 255}, {-128, 127, -128}, {-128, 127, 0}, {-128, 127, 5}};
        float[] scales = {0.02f, 0.5f, 1f, 3.7f, 1e-6f};
        for (int size : RandomFloats.SIZES) {
            float[] x = new float[size + 3];
            for (int i = 0; i < x.length; i++) {
                x[i] = switch (i % 7) {
                    case 0 -> (random.nextInt(600) - 300) * 0.5f;
                    case 1 -> Float.NaN;
                    case 2 -> i % 2 == 0 ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
                    case 3 -> (float) (random.nextGaussian() * 1e9);
                    default -> (float) (random.nextGaussian() * 100);
                };
            }
            for (int[] t : types) {
                for (float scale : scales) {
                    byte[] a = new byte[size + 1];
                    byte[] b = new byte[size + 1];
                    scalar.quantize(x, 3, a, 1, size, scale, t[2], t[0], t[1]);
                    vector.quantize(x, 3, b, 1, size, scale, t[2], t[0], t[1]);
                    org.junit.jupiter.api.Assertions.assertArrayEquals(a, b, "size " + size + " scale " + scale + " type " + java.util.Arrays.toString(t));
                }
            }
        }
        float[] ties = {0.5f, 1.5f, 2.5f, -0.5f, -1.5f, -2.5f, 127.5f, 254.5f, 255.5f};
        byte[] q = new byte[ties.length];
        scalar.quantize(ties, 0, q, 0, ties.length, 1f, 0, 0, 255);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new byte[] {0, 2, 2, 0, 0, 0, (byte) 128, (byte) 254, (byte) 255}, q,
                "ties to even, negatives clamp to 0");
    }

    /** Every byte value, both readings, zero points at the ends: vector equals scalar, and both the definition. */
    @Test
    void dequantizeMatchesScalarAndDefinitionExactly() {
        float[] scales = {0.05f, 1e-3f, 3.7f};
        for (int size : RandomFloats.SIZES) {
            byte[] q = new byte[size + 3];
            random.nextBytes(q);
            for (boolean unsigned : new boolean[] {true, false}) {
                for (int zero : unsigned ? new int[] {0, 128, 255} : new int[] {-128, 0, 127}) {
                    for (float s : scales) {
                        float[] a = new float[size + 1];
                        float[] b = new float[size + 1];
                        scalar.dequantize(q, 3, unsigned, zero, s, a, 1, size);
                        vector.dequantize(q, 3, unsigned, zero, s, b, 1, size);
                        org.junit.jupiter.api.Assertions.assertArrayEquals(a, b, "size " + size + " zero " + zero);
                        for (int i = 0; i < size; i++) {
                            int v = unsigned ? Byte.toUnsignedInt(q[3 + i]) : q[3 + i];
                            org.junit.jupiter.api.Assertions.assertEquals((float) ((double) (v - zero) * s), a[1 + i],
                                    "definition at " + i);
                        }
                    }
                }
            }
        }
    }

    /** Boundaries, signed zeros, infinities and NaN on both sides of open and closed ranges: exact, as it only selects. */
    @Test
    void passWhereMatchesScalarExactly() {
        float[][] ranges = {{0f, Float.POSITIVE_INFINITY}, {0f, 6f}, {-1.5f, 2f}};
        for (int size : RandomFloats.SIZES) {
            float[] x = new float[size + 2];
            double[] dy = new double[size + 5];
            for (int i = 0; i < x.length; i++) {
                x[i] = switch (i % 9) {
                    case 0 -> 0f;
                    case 1 -> -0f;
                    case 2 -> Float.NaN;
                    case 3 -> Float.POSITIVE_INFINITY;
                    case 4 -> 6f;
                    case 5 -> -1.5f;
                    default -> (float) (random.nextGaussian() * 4);
                };
            }
            for (int i = 0; i < dy.length; i++) dy[i] = random.nextGaussian();
            for (float[] r : ranges) {
                for (boolean closed : new boolean[] {false, true}) {
                    double[] a = new double[size + 1];
                    double[] b = new double[size + 1];
                    java.util.Arrays.fill(a, 7.0);
                    java.util.Arrays.fill(b, 7.0);
                    scalar.passWhere(x, 2, dy, 4, a, 1, size, r[0], r[1], closed);
                    vector.passWhere(x, 2, dy, 4, b, 1, size, r[0], r[1], closed);
                    org.junit.jupiter.api.Assertions.assertArrayEquals(a, b, 0.0, "size " + size + " range "
                            + java.util.Arrays.toString(r) + " closed " + closed);
                }
            }
        }
        double[] out = new double[4];
        new ScalarElementwise().passWhere(new float[] {-1f, 0f, 2f, Float.NaN}, 0, new double[] {1, 2, 3, 4}, 0, out,
                0, 4, 0f, Float.POSITIVE_INFINITY, false);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {0, 0, 3, 0}, out, 0.0, "Relu passes x > 0 only");
    }

    /** Sums of order-dependent rounding: within a bound scaled by the length, with and without gradients. */
    @Test
    void momentsMatchScalar() {
        for (int size : RandomFloats.SIZES) {
            float[] x = new float[size + 3];
            double[] dy = new double[size + 2];
            for (int i = 0; i < x.length; i++) x[i] = 5f + (float) random.nextGaussian();
            for (int i = 0; i < dy.length; i++) dy[i] = random.nextGaussian();
            for (double[] g : new double[][] {null, dy}) {
                double[] a = {1, 2, 3, 4};
                double[] b = a.clone();
                scalar.moments(x, 3, g, 2, size, 4.5, a);
                vector.moments(x, 3, g, 2, size, 4.5, b);
                for (int k = 0; k < 4; k++) {
                    double bound = 1e-14 * (size + 1) * (Math.abs(a[k]) + size);
                    org.junit.jupiter.api.Assertions.assertEquals(a[k], b[k], bound, "size " + size + " sum " + k);
                }
                if (g == null) org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {3, 4}, new double[] {b[2], b[3]});
            }
        }
        double[] out = new double[2];
        scalar.moments(new float[] {1f, 2f, 4f}, 0, null, 0, 3, 1.0, out);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {4, 10}, out, 0.0, "d = 0, 1, 3");
    }

    @Test
    void binaryShapesMatchScalar() {
        int index = 0;
        for (BinaryOp op : BinaryOp.values()) {
            for (int size : RandomFloats.SIZES) {
                Activation a = RandomFloats.ACTIVATIONS.get(index++ % RandomFloats.ACTIVATIONS.size());
                float[] x = RandomFloats.values(random, size + 2);
                float[] b = RandomFloats.values(random, size + 1);
                for (int i = 0; i < b.length; i++) b[i] += 2f; // keep divisors away from 0
                compare(op + " same shape " + size, size, (k, y) -> k.binary(op, x, 2, b, 1, y, 0, size, a));
                compare(op + " scalar " + size, size, (k, y) -> k.binaryScalar(op, x, 2, b[0], false, y, 0, size, a));
                compare(op + " scalar first " + size, size, (k, y) -> k.binaryScalar(op, b, 1, x[0] + 3f, true, y,
                        0, size, a));
                int outer = 2;
                int inner = size;
                int channels = 3;
                float[] big = RandomFloats.values(random, outer * channels * inner);
                float[] c = RandomFloats.values(random, channels + 1);
                for (int i = 0; i < c.length; i++) c[i] += 2f;
                compare(op + " channel " + size, big.length, (k, y) -> k.binaryChannel(op, big, 0, c, 1, false, y,
                        0, outer, channels, inner, a));
                float[] positive = big.clone();
                for (int i = 0; i < positive.length; i++) positive[i] += 2f;
                compare(op + " channel first " + size, big.length, (k, y) -> k.binaryChannel(op, positive, 0, c, 1,
                        true, y, 0, outer, channels, inner, a));
            }
        }
    }

    @Test
    void scaleShiftAndActivationsMatchScalar() {
        for (int inner : RandomFloats.SIZES) {
            int outer = 2;
            int channels = 5;
            float[] x = RandomFloats.values(random, outer * channels * inner + 1);
            float[] scale = RandomFloats.values(random, channels);
            float[] shift = RandomFloats.values(random, channels);
            for (Activation a : RandomFloats.ACTIVATIONS) {
                compare("scale-shift " + inner + " " + a, outer * channels * inner, (k, y) -> k.scaleShift(x, 1,
                        scale, 0, shift, 0, y, 0, outer, channels, inner, a));
                compare("activate " + inner + " " + a, inner, (k, y) -> k.activate(a, x, 1, y, 0, inner));
            }
        }
    }

    @Test
    void softmaxRowsMatchScalar() {
        for (int cols : RandomFloats.SIZES) {
            int rows = 3;
            float[] x = RandomFloats.values(random, rows * cols + 4);
            for (int i = 0; i < x.length; i++) x[i] *= 20f; // large logits: the max subtraction matters
            compare("softmax " + cols, rows * cols, (k, y) -> k.softmax(x, 4, y, 0, rows, cols));
            compare("log-softmax " + cols, rows * cols, (k, y) -> k.logSoftmax(x, 4, y, 0, rows, cols));
        }
    }

    private void compare(String what, int length, Call call) {
        float[] expected = new float[length];
        float[] actual = new float[length];
        call.run(scalar, expected);
        call.run(vector, actual);
        double tolerance = 1e-5;
        for (int i = 0; i < length; i++) tolerance = Math.max(tolerance, 1e-6 * Math.abs(expected[i]));
        RandomFloats.assertClose(expected, actual, tolerance, what);
    }

    @FunctionalInterface
    private interface Call {
        void run(Elementwise kernels, float[] y);
    }
}
