package dev.slim4j.kernels;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link VectorDepthwiseConv}'s path for small planes, where a vector along the output width would be mostly
 * empty (7x7 and 4x4 maps of 16 lanes): vectorized across a block of channels instead. The block's planes are
 * gathered into a zero-padded channels-interleaved buffer, so each window tap of one output pixel is one
 * contiguous load of all the block's channels, and the outputs are scattered back to their NCHW planes.
 */
final class ChannelBlockedDepthwise {
    private static final VectorSpecies<Float> SPECIES = VectorKernelSupport.SPECIES;
    private static final int LANES = VectorKernelSupport.LANES;
    private static final ThreadLocal<float[]> BUFFER = ThreadLocal.withInitial(() -> new float[0]);

    private ChannelBlockedDepthwise() {}

    /**
     * Whether a vector along the output width would leave at least half its lanes empty, or is strided and
     * one vector wide. Measured with {@code DepthwiseQuickBench} (3x3, batch 32, one thread): 14x14 outputs
     * of stride 1 ran 1.06 ms along the width against 1.49 blocked, 14x14 outputs of stride 2 2.00 against 1.52.
     */
    static boolean suits(ConvGeometry g) {
        return g.outWidth() <= LANES / 2 || g.strideW() > 1 && g.outWidth() <= LANES;
    }

    static void depthwise(ConvGeometry g, float[] x, int xOff, float[] w, int wOff, float[] bias, int biasOff,
                          float[] y, int yOff, Activation act, float[] residual, int residualOff,
                          Parallelism parallelism) {
        int blocksPerImage = Math.ceilDiv(g.channels(), LANES);
        int blocks = g.batch() * blocksPerImage;
        int taps = g.kernelH() * g.kernelW();
        int parts = PaddedPlane.parts(parallelism, blocks, (long) g.outputSize() * taps);
        int paddedH = PaddedPlane.extent(g.padTop(), g.height(), g.padBottom(), g.outHeight(), g.strideH(),
                g.kernelH(), g.dilationH());
        int paddedW = PaddedPlane.extent(g.padLeft(), g.width(), g.padRight(), g.outWidth(), g.strideW(),
                g.kernelW(), g.dilationW());
        int inPlane = g.height() * g.width();
        int outPlane = g.outHeight() * g.outWidth();
        // lane i reads channel i of the block; lanes past the last channel (masked) point at channel 0,
        // because gathers and scatters check the bounds of every lane
        int tail = g.channels() - (blocksPerImage - 1) * LANES;
        int[][] inMaps = {laneOffsets(inPlane, LANES), laneOffsets(inPlane, tail)};
        int[][] outMaps = {laneOffsets(outPlane, LANES), laneOffsets(outPlane, tail)};
        int[][] weightMaps = {laneOffsets(taps, LANES), laneOffsets(taps, tail)};
        parallelism.run(parts, part -> {
            // the padded block, then its weights tap by tap (taps x LANES)
            int image = paddedH * paddedW * LANES;
            float[] buffer = buffer(image + taps * LANES);
            int from = (int) ((long) blocks * part / parts);
            int to = (int) ((long) blocks * (part + 1) / parts);
            for (int block = from; block < to; block++) {
                int n = block / blocksPerImage;
                int c0 = block % blocksPerImage * LANES;
                VectorMask<Float> m = VectorKernelSupport.head(g.channels() - c0);
                int last = c0 + LANES >= g.channels() ? 1 : 0;
                int[] inMap = inMaps[last];
                int[] outMap = outMaps[last];
                int[] weightMap = weightMaps[last];
                int planes = n * g.channels() + c0;
                gather(g, x, xOff + planes * inPlane, inMap, m, buffer, image, paddedW);
                for (int t = 0; t < taps; t++) {
                    FloatVector.fromArray(SPECIES, w, wOff + c0 * taps + t, weightMap, 0, m)
                            .intoArray(buffer, image + t * LANES);
                }
                FloatVector b = bias == null ? FloatVector.zero(SPECIES)
                        : FloatVector.fromArray(SPECIES, bias, biasOff + c0, m);
                for (int oh = 0; oh < g.outHeight(); oh++) {
                    for (int ow = 0; ow < g.outWidth(); ow++) {
                        FloatVector acc = window(g, buffer, paddedW, image, oh, ow).add(b);
                        int at = planes * outPlane + oh * g.outWidth() + ow;
                        if (residual != null) {
                            acc = acc.add(FloatVector.fromArray(SPECIES, residual, residualOff + at, outMap, 0, m));
                        }
                        if (ActivationVector.vectorizable(act)) acc = ActivationVector.apply(act, acc);
                        acc.intoArray(y, yOff + at, outMap, 0, m);
                    }
                }
                if (!ActivationVector.vectorizable(act)) {
                    int at = yOff + planes * outPlane;
                    act.applyScalar(y, at, at + Math.min(LANES, g.channels() - c0) * outPlane);
                }
            }
        });
    }

    /** The block's planes at {@code x[off]}, channel {@code i} at {@code inMap[i]}, into the padded buffer. */
    private static void gather(ConvGeometry g, float[] x, int off, int[] inMap, VectorMask<Float> m, float[] buffer,
                               int image, int paddedW) {
        Arrays.fill(buffer, 0, image, 0f);
        for (int ih = 0; ih < g.height(); ih++) {
            for (int iw = 0; iw < g.width(); iw++) {
                FloatVector.fromArray(SPECIES, x, off + ih * g.width() + iw, inMap, 0, m)
                        .intoArray(buffer, ((ih + g.padTop()) * paddedW + iw + g.padLeft()) * LANES);
            }
        }
    }

    /** The window sum of output pixel (oh, ow) for the block, the weights at {@code buffer[weights]}. */
    private static FloatVector window(ConvGeometry g, float[] buffer, int paddedW, int weights, int oh, int ow) {
        FloatVector acc = FloatVector.zero(SPECIES);
        for (int kh = 0; kh < g.kernelH(); kh++) {
            int row = (oh * g.strideH() + kh * g.dilationH()) * paddedW;
            for (int kw = 0; kw < g.kernelW(); kw++) {
                int pixel = row + ow * g.strideW() + kw * g.dilationW();
                acc = FloatVector.fromArray(SPECIES, buffer, pixel * LANES)
                        .fma(FloatVector.fromArray(SPECIES, buffer, weights + (kh * g.kernelW() + kw) * LANES), acc);
            }
        }
        return acc;
    }

    /** {@code i * stride} for each lane i below {@code active} (where its channel starts), 0 above. */
    private static int[] laneOffsets(int stride, int active) {
        int[] map = new int[LANES];
        for (int i = 0; i < active; i++) map[i] = i * stride;
        return map;
    }

    private static float[] buffer(int size) {
        float[] b = BUFFER.get();
        if (b.length < size) {
            b = new float[size];
            BUFFER.set(b);
        }
        return b;
    }
}
