package dev.slim4j.kernels;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Int8Depthwise} vectorized across channels: in the channels-last layout the same tap of consecutive
 * channels is contiguous, so each tap of a block of lanes is one load and one fused multiply-add in float, exact
 * because every partial sum is an integer below 2^24 (loading bytes and zero-extending them in the loop ran at
 * less than half the speed of loading pre-widened values; int32 multiplies were no faster than the FMAs); the
 * integer sum is then requantized as {@link Requantization#apply} does. 3x3 windows keep their nine weight vectors
 * in registers and requantize a row of sums at a time. Channels beyond the last whole block take the scalar path.
 */
final class VectorInt8Depthwise implements Int8Depthwise {
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = INTS.length();
    private static final VectorSpecies<Byte> BYTES = VectorSpecies.of(byte.class, VectorShape.forBitSize(LANES * 8));

    /** Whether this machine's preferred species fit the kernel (as many float as int lanes, a byte shape for them). */
    static boolean usable() {
        return FLOATS.length() == LANES && LANES >= 4 && LANES <= 64;
    }

    @Override
    public String name() {
        return "vector-int8-depthwise(" + LANES + " lanes)";
    }

    @Override
    public void depthwise(ConvGeometry g, float[] x, int paddedWidth, float[] w, Requantization q, byte[] y, int yOff,
                          int ohFrom, int ohTo) {
        Int8Depthwise.check(g, x, paddedWidth, w, q, y, yOff, ohFrom, ohTo);
        int channels = g.channels();
        int whole = channels - channels % LANES;
        boolean threeByThree = g.kernelH() == 3 && g.kernelW() == 3;
        for (int c = 0; c < whole; c += LANES) {
            if (threeByThree) block3x3(g, x, paddedWidth, w, q, y, yOff, ohFrom, ohTo, c);
            else block(g, x, paddedWidth, w, q, y, yOff, ohFrom, ohTo, c);
        }
        for (int c = whole; c < channels; c++) {
            for (int oh = ohFrom; oh < ohTo; oh++) {
                for (int ow = 0; ow < g.outWidth(); ow++) {
                    int acc = ScalarInt8Depthwise.window(g, x, paddedWidth, w, oh, ow, c);
                    y[yOff + (oh * g.outWidth() + ow) * channels + c] = q.apply(acc, c);
                }
            }
        }
    }

    /** One output row of window sums of a channel block, per thread (steady-state calls allocate nothing). */
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[1][0]);

    /**
     * A 3x3 block: per output row the sums go to a scratch row first and are requantized from it. One loop doing
     * both did not fit the compiler's inlining budget and ran 1.8x slower.
     */
    private static void block3x3(ConvGeometry g, float[] x, int pw, float[] w, Requantization q, byte[] y, int yOff,
                                 int ohFrom, int ohTo, int c) {
        int ch = g.channels();
        float[][] holder = SCRATCH.get();
        if (holder[0].length < g.outWidth() * LANES) holder[0] = new float[g.outWidth() * LANES];
        float[] sums = holder[0];
        Constants k = Constants.of(q, c);
        for (int oh = ohFrom; oh < ohTo; oh++) {
            sums3x3(g, x, pw, w, c, oh, sums);
            int out = yOff + oh * g.outWidth() * ch + c;
            for (int ow = 0; ow < g.outWidth(); ow++, out += ch) {
                store(FloatVector.fromArray(FLOATS, sums, ow * LANES), k, y, out);
            }
        }
    }

    /** The window sums of output row {@code oh}, channels {@code [c, c + LANES)}, into {@code sums[ow * LANES]}. */
    private static void sums3x3(ConvGeometry g, float[] x, int pw, float[] w, int c, int oh, float[] sums) {
        int ch = g.channels();
        FloatVector w0 = tap(w, c), w1 = tap(w, ch + c), w2 = tap(w, 2 * ch + c), w3 = tap(w, 3 * ch + c);
        FloatVector w4 = tap(w, 4 * ch + c), w5 = tap(w, 5 * ch + c), w6 = tap(w, 6 * ch + c), w7 = tap(w, 7 * ch + c);
        FloatVector w8 = tap(w, 8 * ch + c);
        int col = g.dilationW() * ch;
        int row = g.dilationH() * pw * ch;
        int in = oh * g.strideH() * pw * ch + c;
        int step = g.strideW() * ch;
        for (int ow = 0; ow < g.outWidth(); ow++) {
            int a = in + ow * step;
            int b = a + row;
            int d = b + row;
            FloatVector top = tap(x, a + col).fma(w1, tap(x, a).mul(w0)).add(tap(x, a + 2 * col).mul(w2));
            FloatVector mid = tap(x, b + col).fma(w4, tap(x, b).mul(w3)).add(tap(x, b + 2 * col).mul(w5));
            FloatVector bottom = tap(x, d + col).fma(w7, tap(x, d).mul(w6)).add(tap(x, d + 2 * col).mul(w8));
            top.add(mid).add(bottom).intoArray(sums, ow * LANES);
        }
    }

    private static void block(ConvGeometry g, float[] x, int pw, float[] w, Requantization q, byte[] y, int yOff,
                              int ohFrom, int ohTo, int c) {
        int ch = g.channels();
        Constants k = Constants.of(q, c);
        for (int oh = ohFrom; oh < ohTo; oh++) {
            for (int ow = 0; ow < g.outWidth(); ow++) {
                FloatVector acc = FloatVector.zero(FLOATS);
                for (int kh = 0; kh < g.kernelH(); kh++) {
                    int r = oh * g.strideH() + kh * g.dilationH();
                    for (int kw = 0; kw < g.kernelW(); kw++) {
                        int at = (r * pw + ow * g.strideW() + kw * g.dilationW()) * ch + c;
                        acc = tap(x, at).fma(tap(w, (kh * g.kernelW() + kw) * ch + c), acc);
                    }
                }
                store(acc, k, y, yOff + (oh * g.outWidth() + ow) * ch + c);
            }
        }
    }

    /** LANES values from {@code at}. */
    private static FloatVector tap(float[] x, int at) {
        return FloatVector.fromArray(FLOATS, x, at);
    }

    /**
     * Requantizes LANES exact sums as {@link Requantization#apply} (finite multipliers) and stores the bytes, with
     * the block's constants as vectors made once.
     */
    private static void store(FloatVector sum, Constants k, byte[] y, int at) {
        IntVector acc = (IntVector) sum.convertShape(VectorOperators.F2I, INTS, 0);
        FloatVector s = ((FloatVector) acc.add(k.offset).convertShape(VectorOperators.I2F, FLOATS, 0)).mul(k.mult);
        FloatVector r = s.max(k.lo).min(k.hi).add(k.rounder).sub(k.rounder);
        IntVector v = ((IntVector) r.convertShape(VectorOperators.F2I, INTS, 0)).add(k.zero).max(k.qmin).min(k.qmax);
        ((ByteVector) v.convertShape(VectorOperators.I2B, BYTES, 0)).intoArray(y, at);
    }

    /** The requantization constants of one block of channels, as vectors. */
    private record Constants(IntVector offset, FloatVector mult, FloatVector lo, FloatVector hi, FloatVector rounder,
                             IntVector zero, IntVector qmin, IntVector qmax) {
        static Constants of(Requantization q, int c) {
            return new Constants(IntVector.fromArray(INTS, q.offset(), c),
                    FloatVector.fromArray(FLOATS, q.multiplier(), c),
                    FloatVector.broadcast(FLOATS, q.qmin() - q.zeroPoint() - 1f),
                    FloatVector.broadcast(FLOATS, q.qmax() - q.zeroPoint() + 1f),
                    FloatVector.broadcast(FLOATS, VectorKernelSupport.ROUNDER),
                    IntVector.broadcast(INTS, q.zeroPoint()), IntVector.broadcast(INTS, q.qmin()),
                    IntVector.broadcast(INTS, q.qmax()));
        }
    }
}
