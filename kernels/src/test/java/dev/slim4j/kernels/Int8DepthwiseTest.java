package dev.slim4j.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Int8 depthwise kernels against a direct definition on the unpadded image: sum over in-bounds taps of
 * {@code (x - x_zero) * w}, plus the bias, times the multiplier in float, rounded half to even, plus the output
 * zero point, saturated. The kernels see the image padded with x_zero and the bias folded with
 * {@code -x_zero * sum(w)}, so agreement also checks that convention. Vector and scalar must agree exactly.
 */
class Int8DepthwiseTest {

    private static ConvGeometry geometry(int c, int h, int w, int kh, int kw, int stride, int pad, int dilation) {
        return new ConvGeometry(1, c, h, w, c, kh, kw, stride, stride, pad, pad, pad, pad, dilation, dilation, c);
    }

    @Test
    void scalarAndVectorMatchTheDefinition() {
        List<ConvGeometry> geometries = List.of(geometry(16, 28, 28, 3, 3, 1, 1, 1), geometry(96, 28, 28, 3, 3, 2, 1, 1),
                geometry(33, 7, 9, 3, 3, 1, 1, 1), geometry(5, 6, 5, 3, 3, 2, 0, 1), geometry(48, 13, 11, 5, 5, 1, 2, 1),
                geometry(17, 12, 12, 3, 3, 1, 2, 2), geometry(64, 1, 1, 3, 3, 1, 1, 1), geometry(20, 9, 8, 1, 3, 2, 1, 1));
        Random random = new Random(5);
        for (ConvGeometry g : geometries) {
            int c = g.channels();
            byte[] x = new byte[g.height() * g.width() * c];
            random.nextBytes(x);
            float[] w = new float[g.kernelH() * g.kernelW() * c];
            for (int i = 0; i < w.length; i++) w[i] = random.nextInt(256) - 128;
            int[] bias = new int[c];
            float[] mult = new float[c];
            for (int i = 0; i < c; i++) {
                bias[i] = random.nextInt(20001) - 10000;
                mult[i] = (float) (Math.pow(10, -random.nextDouble(2, 4.5)) * (random.nextBoolean() ? 1 : -1));
            }
            int xZero = random.nextInt(256);
            int yZero = random.nextInt(256);
            byte[] expected = definition(g, x, xZero, w, bias, mult, yZero);

            int pw = g.width() + g.padLeft() + g.padRight();
            int ph = g.height() + g.padTop() + g.padBottom();
            float[] padded = new float[ph * pw * c + 7];
            Arrays.fill(padded, xZero);
            for (int r = 0; r < g.height(); r++) {
                for (int i = 0; i < g.width() * c; i++) {
                    padded[((r + g.padTop()) * pw + g.padLeft()) * c + i] = x[r * g.width() * c + i] & 0xFF;
                }
            }
            int[] offset = new int[c];
            for (int ch = 0; ch < c; ch++) {
                int sum = 0;
                for (int t = 0; t < g.kernelH() * g.kernelW(); t++) sum += (int) w[t * c + ch];
                offset[ch] = bias[ch] - xZero * sum;
            }
            Requantization q = new Requantization(offset, mult, yZero, 0, 255);
            int out = g.outHeight() * g.outWidth() * c;
            byte[] scalar = new byte[out + 3];
            byte[] vector = new byte[out + 3];
            new ScalarInt8Depthwise().depthwise(g, padded, pw, w, q, scalar, 3, 0, g.outHeight());
            Int8Depthwise v = VectorKernels.int8Depthwise();
            int split = g.outHeight() / 2; // two row ranges, as two threads would run them
            v.depthwise(g, padded, pw, w, q, vector, 3, 0, split);
            v.depthwise(g, padded, pw, w, q, vector, 3, split, g.outHeight());
            assertArrayEquals(expected, Arrays.copyOfRange(scalar, 3, out + 3), "scalar " + g);
            assertArrayEquals(expected, Arrays.copyOfRange(vector, 3, out + 3), v.name() + " " + g);
        }
    }

    @Test
    void refusesArraysThatDoNotFit() {
        ConvGeometry g = geometry(16, 4, 4, 3, 3, 1, 1, 1);
        Requantization q = new Requantization(new int[16], new float[16], 0, 0, 255);
        byte[] y = new byte[16 * 16];
        Int8Depthwise k = VectorKernels.int8Depthwise();
        assertThrows(IndexOutOfBoundsException.class, () -> k.depthwise(g, new float[6 * 6 * 16 - 1], 6,
                new float[9 * 16], q, y, 0, 0, 4));
        assertThrows(IllegalArgumentException.class, () -> k.depthwise(g, new float[6 * 6 * 16], 6, new float[8 * 16], q,
                y, 0, 0, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> k.depthwise(g, new float[6 * 6 * 16], 6, new float[9 * 16],
                q, new byte[16 * 16 - 1], 0, 0, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> k.depthwise(g, new float[6 * 6 * 16], 6, new float[9 * 16],
                q, y, 0, 0, 5));
    }

    private static byte[] definition(ConvGeometry g, byte[] x, int xZero, float[] w, int[] bias, float[] mult,
                                     int yZero) {
        int c = g.channels();
        byte[] y = new byte[g.outHeight() * g.outWidth() * c];
        for (int oh = 0; oh < g.outHeight(); oh++) {
            for (int ow = 0; ow < g.outWidth(); ow++) {
                for (int ch = 0; ch < c; ch++) {
                    long acc = bias[ch];
                    for (int kh = 0; kh < g.kernelH(); kh++) {
                        for (int kw = 0; kw < g.kernelW(); kw++) {
                            int ih = oh * g.strideH() - g.padTop() + kh * g.dilationH();
                            int iw = ow * g.strideW() - g.padLeft() + kw * g.dilationW();
                            if (ih < 0 || iw < 0 || ih >= g.height() || iw >= g.width()) continue;
                            acc += (long) ((x[(ih * g.width() + iw) * c + ch] & 0xFF) - xZero)
                                    * (long) w[(kh * g.kernelW() + kw) * c + ch];
                        }
                    }
                    double v = Math.rint((float) acc * mult[ch]) + yZero;
                    y[(oh * g.outWidth() + ow) * c + ch] = (byte) Math.max(0, Math.min(255, v));
                }
            }
        }
        return y;
    }
}
