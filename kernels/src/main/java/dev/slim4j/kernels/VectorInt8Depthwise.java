package dev.slim4j.kernels;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Int8Depthwise} vectorized across channels: in the channels-last layout the same tap of consecutive
 * channels is contiguous, so each tap of a block of int lanes is one byte load, zero-extended and multiplied by
 * the tap's weights in int32 (exact, no latency chain on the sums), and the block is requantized in float as
 * {@link Requantization#apply} does. 3x3 windows keep their nine weight vectors in registers. Channels beyond the
 * last whole block take the scalar path.
 */
final class VectorInt8Depthwise implements Int8Depthwise {
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = INTS.length();
    private static final VectorSpecies<Byte> BYTES = VectorSpecies.of(byte.class, VectorShape.forBitSize(LANES * 8));
    /** 1.5 * 2^23: adding and subtracting it rounds a float below 2^22 in magnitude half to even. */
    private static final float ROUNDER = 12582912f;

    /** Whether this machine's preferred species fit the kernel (as many float as int lanes, a byte shape for them). */
    static boolean usable() {
        return FLOATS.length() == LANES && LANES >= 4 && LANES <= 64;
    }

    @Override
    public String name() {
        return "vector-int8-depthwise(" + LANES + " lanes)";
    }

    @Override
    public void depthwise(ConvGeometry g, byte[] x, int paddedWidth, int[] w, Requantization q, byte[] y, int yOff,
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

    private static void block3x3(ConvGeometry g, byte[] x, int pw, int[] w, Requantization q, byte[] y, int yOff,
                                 int ohFrom, int ohTo, int c) {
        int ch = g.channels();
        IntVector w0 = IntVector.fromArray(INTS, w, c), w1 = IntVector.fromArray(INTS, w, ch + c);
        IntVector w2 = IntVector.fromArray(INTS, w, 2 * ch + c), w3 = IntVector.fromArray(INTS, w, 3 * ch + c);
        IntVector w4 = IntVector.fromArray(INTS, w, 4 * ch + c), w5 = IntVector.fromArray(INTS, w, 5 * ch + c);
        IntVector w6 = IntVector.fromArray(INTS, w, 6 * ch + c), w7 = IntVector.fromArray(INTS, w, 7 * ch + c);
        IntVector w8 = IntVector.fromArray(INTS, w, 8 * ch + c);
        IntVector offset = IntVector.fromArray(INTS, q.offset(), c);
        FloatVector mult = FloatVector.fromArray(FLOATS, q.multiplier(), c);
        int col = g.dilationW() * ch;
        int row = g.dilationH() * pw * ch;
        for (int oh = ohFrom; oh < ohTo; oh++) {
            int out = yOff + oh * g.outWidth() * ch + c;
            int in = oh * g.strideH() * pw * ch + c;
            for (int ow = 0; ow < g.outWidth(); ow++, out += ch) {
                int a = in + ow * g.strideW() * ch;
                int b = a + row;
                int d = b + row;
                IntVector acc = tap(x, a).mul(w0).add(tap(x, a + col).mul(w1)).add(tap(x, a + 2 * col).mul(w2))
                        .add(tap(x, b).mul(w3)).add(tap(x, b + col).mul(w4)).add(tap(x, b + 2 * col).mul(w5))
                        .add(tap(x, d).mul(w6)).add(tap(x, d + col).mul(w7)).add(tap(x, d + 2 * col).mul(w8));
                store(acc, offset, mult, q, y, out);
            }
        }
    }

    private static void block(ConvGeometry g, byte[] x, int pw, int[] w, Requantization q, byte[] y, int yOff,
                              int ohFrom, int ohTo, int c) {
        int ch = g.channels();
        IntVector offset = IntVector.fromArray(INTS, q.offset(), c);
        FloatVector mult = FloatVector.fromArray(FLOATS, q.multiplier(), c);
        for (int oh = ohFrom; oh < ohTo; oh++) {
            for (int ow = 0; ow < g.outWidth(); ow++) {
                IntVector acc = IntVector.zero(INTS);
                for (int kh = 0; kh < g.kernelH(); kh++) {
                    int r = oh * g.strideH() + kh * g.dilationH();
                    for (int kw = 0; kw < g.kernelW(); kw++) {
                        int at = (r * pw + ow * g.strideW() + kw * g.dilationW()) * ch + c;
                        acc = acc.add(tap(x, at).mul(IntVector.fromArray(INTS, w, (kh * g.kernelW() + kw) * ch + c)));
                    }
                }
                store(acc, offset, mult, q, y, yOff + (oh * g.outWidth() + ow) * ch + c);
            }
        }
    }

    /** LANES input bytes from {@code at}, zero-extended. */
    private static IntVector tap(byte[] x, int at) {
        return (IntVector) ByteVector.fromArray(BYTES, x, at).convertShape(VectorOperators.ZERO_EXTEND_B2I, INTS, 0);
    }

    /** Requantizes LANES sums as {@link Requantization#apply} (finite multipliers) and stores the bytes. */
    private static void store(IntVector acc, IntVector offset, FloatVector mult, Requantization q, byte[] y, int at) {
        FloatVector s = ((FloatVector) acc.add(offset).convertShape(VectorOperators.I2F, FLOATS, 0)).mul(mult);
        FloatVector r = s.max(q.qmin() - q.zeroPoint() - 1f).min(q.qmax() - q.zeroPoint() + 1f).add(ROUNDER)
                .sub(ROUNDER);
        IntVector v = ((IntVector) r.convertShape(VectorOperators.F2I, INTS, 0)).add(q.zeroPoint()).max(q.qmin())
                .min(q.qmax());
        ((ByteVector) v.convertShape(VectorOperators.I2B, BYTES, 0)).intoArray(y, at);
    }
}
