package dev.slim4j.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The GEMM on patches read in place (native where available, else the definition) against a convolution written
 * out as its formula: uint8 images [N, H, W, C] with padding, int8 weights [M, C, kH, kW], int32 sums, then the
 * requantization rule.
 */
class Int8PatchesTest {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2);

    @AfterAll
    static void stopPool() {
        POOL.shutdown();
    }

    /** n, c, h, w, m, kH, kW, stride, pad, dilationH. */
    private static final int[][] CASES = {
            {3, 1, 28, 28, 6, 5, 5, 1, 2, 1},   // LeNet-5 conv1: runs of 5 bytes, 6 output channels
            {2, 6, 14, 14, 16, 5, 5, 1, 0, 1},  // conv2: runs of 30 bytes
            {2, 16, 9, 11, 32, 3, 3, 2, 1, 1},  // strided, 32 channels
            {1, 3, 7, 6, 70, 3, 2, 1, 1, 2},    // two panels, vertical dilation, non-square kernel
            {5, 2, 4, 4, 17, 3, 3, 1, 1, 1},    // many images, each 16 positions (blocks span images)
            {1, 64, 5, 5, 64, 1, 1, 1, 0, 1},   // 1x1 runs of 64
            {1, 12, 180, 2, 8, 171, 1, 1, 0, 1}, // runs of 12 bytes, k = 2052: past the AVX2 kernel's chunk of 2048
    };

    @Test
    void chosenMatchesTheConvolutionFormulaExactly() {
        matchesTheConvolutionFormulaExactly(Kernels.int8Gemm());
    }

    /** The AVX2 kernel reads patches in place; tested on its own wherever the CPU has AVX2 (VNNI machines too). */
    @Test
    void avx2KernelMatchesTheConvolutionFormulaExactly() throws Exception {
        Int8Gemm gemm = Int8GemmTest.avx2Kernel();
        assertTrue(gemm.readsPatchesInPlace());
        matchesTheConvolutionFormulaExactly(gemm);
        // weights within [-64, 64]: the kernel's byte path
        Random random = new Random(63);
        for (int[] c : CASES) {
            Conv conv = new Conv(c, random);
            for (int i = 0; i < conv.wt.length; i++) conv.wt[i] = (byte) (random.nextInt(129) - 64);
            conv.wt[0] = -64;
            byte[] actual = new byte[conv.outBytes() + 3];
            byte[] expected = actual.clone();
            conv.formula(expected);
            gemm.multiplyPatchesRequantized(conv.rows(), conv.patches(), conv.weights(), conv.rq,
                    RequantizedOutput.planes(actual, 3, conv.outPositions(), conv.m), new Parallelism(POOL, 2));
            assertArrayEquals(expected, actual, "7-bit weights " + Arrays.toString(c));
        }
    }

    private static void matchesTheConvolutionFormulaExactly(Int8Gemm chosen) {
        Random random = new Random(61);
        for (int[] c : CASES) {
            Conv conv = new Conv(c, random);
            for (Parallelism par : new Parallelism[] {Parallelism.serial(), new Parallelism(POOL, 2)}) {
                byte[] actual = new byte[conv.outBytes() + 3];
                Arrays.fill(actual, (byte) 0x5A);
                byte[] expected = actual.clone();
                conv.formula(expected);
                chosen.multiplyPatchesRequantized(conv.rows(), conv.patches(), conv.weights(), conv.rq,
                        RequantizedOutput.planes(actual, 3, conv.outPositions(), conv.m), par);
                assertArrayEquals(expected, actual, chosen.name() + " " + Arrays.toString(c));
            }
        }
    }

    @Test
    void definitionMatchesTheConvolutionFormula() {
        Random random = new Random(62);
        for (int[] c : CASES) {
            Conv conv = new Conv(c, random);
            byte[] actual = new byte[conv.outBytes() + 3];
            byte[] expected = actual.clone();
            conv.formula(expected);
            new ScalarInt8Gemm().multiplyPatchesRequantized(conv.rows(), conv.patches(), conv.weights(), conv.rq,
                    RequantizedOutput.planes(actual, 3, conv.outPositions(), conv.m), Parallelism.serial());
            assertArrayEquals(expected, actual, Arrays.toString(c));
        }
    }

    @Test
    void patchesReachingPastTheDataAreRefused() {
        Random random = new Random(63);
        Conv conv = new Conv(CASES[0], random);
        Int8Patches p = conv.patches();
        Int8Patches shortData = new Int8Patches(Arrays.copyOf(p.data(), p.data().length - 4), p.offset(),
                p.imageBytes(), p.outWidth(), p.outPositions(), p.rowStride(), p.colStride(), p.kernelRows(),
                p.kernelRowStep(), p.runBytes());
        RequantizedOutput y = RequantizedOutput.planes(new byte[conv.outBytes()], 0, conv.outPositions(), conv.m);
        assertThrows(IndexOutOfBoundsException.class, () -> Kernels.int8Gemm().multiplyPatchesRequantized(
                conv.rows(), shortData, conv.weights(), conv.rq, y, Parallelism.serial()));
        Int8Weights wrongK = Int8Weights.of(new byte[conv.m * 3], 0, 3, conv.m);
        assertThrows(IllegalArgumentException.class, () -> Kernels.int8Gemm().multiplyPatchesRequantized(
                conv.rows(), p, wrongK, conv.rq, y, Parallelism.serial()));
    }

    /** One random quantized convolution and its padded channels-last input. */
    private static final class Conv {
        final int n, c, h, w, m, kh, kw, stride, pad, dil, xZero, outH, outW, ph, pw;
        final byte[] x;     // [N, H, W, C] uint8, unpadded
        final byte[] wt;    // [M, C, kH, kW] int8
        final byte[] padded;
        final Requantization rq;

        Conv(int[] s, Random random) {
            n = s[0]; c = s[1]; h = s[2]; w = s[3]; m = s[4]; kh = s[5]; kw = s[6]; stride = s[7]; pad = s[8];
            dil = s[9];
            xZero = random.nextInt(256);
            outH = (h + 2 * pad - dil * (kh - 1) - 1) / stride + 1;
            outW = (w + 2 * pad - kw) / stride + 1;
            ph = h + 2 * pad;
            pw = w + 2 * pad;
            x = new byte[n * h * w * c];
            random.nextBytes(x);
            wt = new byte[m * c * kh * kw];
            random.nextBytes(wt);
            wt[0] = -128;
            x[0] = (byte) 255;
            padded = new byte[7 + n * ph * pw * c + Int8Patches.SLACK]; // 7 bytes before the first image, the slack after
            Arrays.fill(padded, (byte) xZero);
            for (int i = 0; i < n; i++) {
                for (int y = 0; y < h; y++) {
                    System.arraycopy(x, ((i * h + y) * w) * c, padded, 7 + ((i * ph + y + pad) * pw + pad) * c, w * c);
                }
            }
            int[] offset = new int[m];
            float[] mult = new float[m];
            for (int j = 0; j < m; j++) {
                offset[j] = random.nextInt(2001) - 1000;
                mult[j] = j % 5 == 0 ? 0.5f : random.nextFloat() * 0.002f;
            }
            rq = new Requantization(offset, mult, 17, 0, 255);
        }

        int outPositions() {
            return outH * outW;
        }

        int rows() {
            return n * outPositions();
        }

        int outBytes() {
            return rows() * m;
        }

        Int8Patches patches() {
            return new Int8Patches(padded, 7, ph * pw * c, outW, outPositions(), stride * pw * c, stride * c, kh,
                    dil * pw * c, kw * c);
        }

        /** Row (kh, kw, c) of the weights, the order of a patch's runs. */
        Int8Weights weights() {
            int k = kh * kw * c;
            byte[] b = new byte[k * m];
            for (int j = 0; j < m; j++) {
                for (int ch = 0; ch < c; ch++) {
                    for (int i = 0; i < kh; i++) {
                        for (int t = 0; t < kw; t++) {
                            b[((i * kw + t) * c + ch) * m + j] = wt[((j * c + ch) * kh + i) * kw + t];
                        }
                    }
                }
            }
            return Int8Weights.of(b, 0, k, m);
        }

        /** The convolution by its formula (padded taps read x_zero_point), requantized, as NCHW planes from 3. */
        void formula(byte[] out) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    for (int oh = 0; oh < outH; oh++) {
                        for (int ow = 0; ow < outW; ow++) {
                            int sum = 0;
                            for (int ch = 0; ch < c; ch++) {
                                for (int a = 0; a < kh; a++) {
                                    for (int b = 0; b < kw; b++) {
                                        int y = oh * stride + a * dil - pad;
                                        int xx = ow * stride + b - pad;
                                        int v = y < 0 || y >= h || xx < 0 || xx >= w ? xZero
                                                : x[((i * h + y) * w + xx) * c + ch] & 0xFF;
                                        sum += v * wt[((j * c + ch) * kh + a) * kw + b];
                                    }
                                }
                            }
                            out[3 + (i * m + j) * outPositions() + oh * outW + ow] = rq.apply(sum, j);
                        }
                    }
                }
            }
        }
    }
}
