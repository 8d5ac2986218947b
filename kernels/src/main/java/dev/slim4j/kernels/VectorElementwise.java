package dev.slim4j.kernels;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Elementwise} with the Vector API: one vector loop plus a scalar tail per kernel, the activation fused
 * into the store (sigmoid and tanh applied by the scalar definition after the arithmetic). Softmax vectorizes
 * the max and the normalization; the exponentials use {@link Math#exp}.
 */
final class VectorElementwise implements Elementwise {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> BYTES = VectorSpecies.of(byte.class, VectorShape.forBitSize(LANES * 8));
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    /** Floats as many as the preferred double lanes: one compare mask selects one double vector. */
    private static final VectorSpecies<Float> HALF_FLOATS =
            VectorSpecies.of(float.class, VectorShape.forBitSize(DOUBLES.vectorBitSize() / 2));

    @Override
    public void passWhere(float[] x, int xOff, double[] dy, int dyOff, double[] dx, int dxOff, int count, float lo,
                          float hi, boolean closed) {
        ElementwiseChecks.passExtents(count, x, xOff, dy, dyOff, dx, dxOff);
        int step = DOUBLES.length();
        int i = 0;
        // The comparison operators stay constants in each loop: C2 intrinsifies a compare only with a constant one.
        if (HALF_FLOATS.length() == step && closed) {
            for (; i <= count - step; i += step) {
                FloatVector v = FloatVector.fromArray(HALF_FLOATS, x, xOff + i);
                select(v.compare(VectorOperators.GE, lo).and(v.compare(VectorOperators.LE, hi)), dy, dyOff + i, dx, dxOff + i);
            }
        } else if (HALF_FLOATS.length() == step) {
            for (; i <= count - step; i += step) {
                FloatVector v = FloatVector.fromArray(HALF_FLOATS, x, xOff + i);
                select(v.compare(VectorOperators.GT, lo).and(v.compare(VectorOperators.LT, hi)), dy, dyOff + i, dx, dxOff + i);
            }
        }
        for (; i < count; i++) {
            float v = x[xOff + i];
            boolean pass = closed ? v >= lo && v <= hi : v > lo && v < hi;
            dx[dxOff + i] = pass ? dy[dyOff + i] : 0;
        }
    }

    /** Lane-wise double partial sums over float vectors converted to double, reduced once at the end. */
    @Override
    public void moments(float[] x, int xOff, double[] dy, int dyOff, int count, double shift, double[] out) {
        ElementwiseChecks.momentExtents(count, x, xOff, dy, dyOff, out);
        int step = DOUBLES.length();
        DoubleVector c = DoubleVector.broadcast(DOUBLES, shift);
        DoubleVector s = DoubleVector.zero(DOUBLES), q = s, g = s, h = s;
        int i = 0;
        if (HALF_FLOATS.length() == step) {
            for (; i <= count - step; i += step) {
                DoubleVector d = (DoubleVector) FloatVector.fromArray(HALF_FLOATS, x, xOff + i)
                        .convertShape(VectorOperators.F2D, DOUBLES, 0);
                d = d.sub(c);
                s = s.add(d);
                q = d.fma(d, q);
                if (dy != null) {
                    DoubleVector y = DoubleVector.fromArray(DOUBLES, dy, dyOff + i);
                    g = g.add(y);
                    h = y.fma(d, h);
                }
            }
        }
        double ss = VectorKernelSupport.sumInLaneOrder(s), qs = VectorKernelSupport.sumInLaneOrder(q);
        double gs = VectorKernelSupport.sumInLaneOrder(g), hs = VectorKernelSupport.sumInLaneOrder(h);
        for (; i < count; i++) {
            double d = x[xOff + i] - shift;
            ss += d;
            qs += d * d;
            if (dy != null) {
                gs += dy[dyOff + i];
                hs += dy[dyOff + i] * d;
            }
        }
        out[0] += ss;
        out[1] += qs;
        if (dy != null) {
            out[2] += gs;
            out[3] += hs;
        }
    }

    private static void select(VectorMask<Float> pass, double[] dy, int dyAt, double[] dx, int dxAt) {
        DoubleVector.zero(DOUBLES).blend(DoubleVector.fromArray(DOUBLES, dy, dyAt), pass.cast(DOUBLES)).intoArray(dx, dxAt);
    }

    /**
     * The quotient is clamped to one step beyond the representable range first (anything further saturates
     * anyway), so the rounding trick is exact; NaN lanes take the zero point.
     */
    @Override
    public void quantize(float[] x, int xOff, byte[] y, int yOff, int count, float scale, int zeroPoint, int qmin, int qmax) {
        if (count < 0 || xOff < 0 || xOff > x.length - count || yOff < 0 || yOff > y.length - count) {
            throw new IndexOutOfBoundsException("quantize " + count + " values: x holds " + x.length + " from offset " + xOff
                    + ", y holds " + y.length + " from offset " + yOff);
        }
        float lo = qmin - zeroPoint - 1f;
        float hi = qmax - zeroPoint + 1f;
        int nanValue = Math.clamp(zeroPoint, qmin, qmax);
        int i = 0;
        if (INTS.length() == LANES && BYTES.length() == LANES) {
            for (; i <= count - LANES; i += LANES) {
                FloatVector q = FloatVector.fromArray(SPECIES, x, xOff + i).div(scale);
                VectorMask<Float> nan = q.test(VectorOperators.IS_NAN);
                FloatVector r = q.max(lo).min(hi).add(VectorKernelSupport.ROUNDER).sub(VectorKernelSupport.ROUNDER);
                IntVector v = ((IntVector) r.convertShape(VectorOperators.F2I, INTS, 0)).add(zeroPoint).max(qmin).min(qmax)
                        .blend(nanValue, nan.cast(INTS));
                ((ByteVector) v.convertShape(VectorOperators.I2B, BYTES, 0)).intoArray(y, yOff + i);
            }
        }
        for (; i < count; i++) y[yOff + i] = ScalarElementwise.quantizeOne(x[xOff + i], scale, zeroPoint, qmin, qmax);
    }

    @Override
    public void dequantize(byte[] q, int qOff, boolean unsigned, int zeroPoint, float scale, float[] y, int yOff,
                           int count) {
        ElementwiseChecks.dequantize(q, qOff, y, yOff, count);
        int i = 0;
        if (INTS.length() == LANES && BYTES.length() == LANES) {
            var widen = unsigned ? VectorOperators.ZERO_EXTEND_B2I : VectorOperators.B2I;
            for (; i <= count - LANES; i += LANES) {
                IntVector v = (IntVector) ByteVector.fromArray(BYTES, q, qOff + i).convertShape(widen, INTS, 0);
                ((FloatVector) v.sub(zeroPoint).convertShape(VectorOperators.I2F, SPECIES, 0)).mul(scale)
                        .intoArray(y, yOff + i);
            }
        }
        if (i < count) new ScalarElementwise().dequantize(q, qOff + i, unsigned, zeroPoint, scale, y, yOff + i, count - i);
    }

    @Override
    public String name() {
        return "vector-elementwise(" + LANES + " lanes)";
    }

    @Override
    public void binary(BinaryOp op, float[] a, int aOff, float[] b, int bOff, float[] y, int yOff, int count,
                       Activation activation) {
        ElementwiseChecks.extents(count, "a", a, aOff, "b", b, bOff, "y", y, yOff);
        boolean vectorAct = ActivationVector.vectorizable(activation);
        int i = 0;
        for (; i <= count - LANES; i += LANES) {
            FloatVector v = apply(op, FloatVector.fromArray(SPECIES, a, aOff + i),
                    FloatVector.fromArray(SPECIES, b, bOff + i));
            (vectorAct ? ActivationVector.apply(activation, v) : v).intoArray(y, yOff + i);
        }
        for (; i < count; i++) {
            float v = op.apply(a[aOff + i], b[bOff + i]);
            y[yOff + i] = vectorAct ? activation.apply(v) : v;
        }
        if (!vectorAct) {
            activation.applyScalar(y, yOff, yOff + count);
        }
    }

    @Override
    public void binaryScalar(BinaryOp op, float[] x, int xOff, float s, boolean scalarFirst, float[] y, int yOff,
                             int count, Activation activation) {
        ElementwiseChecks.extents(count, "x", x, xOff, "y", y, yOff);
        broadcastRun(op, x, xOff, s, scalarFirst, y, yOff, count, activation);
    }

    @Override
    public void binaryChannel(BinaryOp op, float[] x, int xOff, float[] c, int cOff, boolean channelFirst,
                              float[] y, int yOff, int outer, int channels, int inner, Activation activation) {
        ElementwiseChecks.channels(outer, channels, inner, x, xOff, y, yOff, "c", c, cOff);
        for (int o = 0; o < outer; o++) {
            for (int ch = 0; ch < channels; ch++) {
                int at = (o * channels + ch) * inner;
                broadcastRun(op, x, xOff + at, c[cOff + ch], channelFirst, y, yOff + at, inner, activation);
            }
        }
    }

    /** {@code y = act(x op s)} (or {@code s op x}) over one contiguous run. */
    private static void broadcastRun(BinaryOp op, float[] x, int xOff, float s, boolean sFirst, float[] y, int yOff,
                                     int count, Activation act) {
        boolean vectorAct = ActivationVector.vectorizable(act);
        FloatVector sv = FloatVector.broadcast(SPECIES, s);
        int i = 0;
        for (; i <= count - LANES; i += LANES) {
            FloatVector xv = FloatVector.fromArray(SPECIES, x, xOff + i);
            FloatVector v = sFirst ? apply(op, sv, xv) : apply(op, xv, sv);
            (vectorAct ? ActivationVector.apply(act, v) : v).intoArray(y, yOff + i);
        }
        for (; i < count; i++) {
            float v = sFirst ? op.apply(s, x[xOff + i]) : op.apply(x[xOff + i], s);
            y[yOff + i] = vectorAct ? act.apply(v) : v;
        }
        if (!vectorAct) {
            act.applyScalar(y, yOff, yOff + count);
        }
    }

    private static FloatVector apply(BinaryOp op, FloatVector a, FloatVector b) {
        return switch (op) {
            case ADD -> a.add(b);
            case SUB -> a.sub(b);
            case MUL -> a.mul(b);
            case DIV -> a.div(b);
        };
    }

    @Override
    public void activate(Activation activation, float[] x, int xOff, float[] y, int yOff, int count) {
        ElementwiseChecks.extents(count, "x", x, xOff, "y", y, yOff);
        if (x != y || xOff != yOff) {
            System.arraycopy(x, xOff, y, yOff, count);
        }
        ActivationVector.applyRange(activation, y, yOff, yOff + count);
    }

    @Override
    public void scaleShift(float[] x, int xOff, float[] scale, int scaleOff, float[] shift, int shiftOff,
                           float[] y, int yOff, int outer, int channels, int inner, Activation activation) {
        ElementwiseChecks.channels(outer, channels, inner, x, xOff, y, yOff, "scale", scale, scaleOff);
        Conv.checkExtent("shift", shift, shiftOff, channels);
        boolean vectorAct = ActivationVector.vectorizable(activation);
        for (int o = 0; o < outer; o++) {
            for (int ch = 0; ch < channels; ch++) {
                int at = (o * channels + ch) * inner;
                float sc = scale[scaleOff + ch];
                float sh = shift[shiftOff + ch];
                FloatVector scv = FloatVector.broadcast(SPECIES, sc);
                FloatVector shv = FloatVector.broadcast(SPECIES, sh);
                int i = 0;
                for (; i <= inner - LANES; i += LANES) {
                    FloatVector v = FloatVector.fromArray(SPECIES, x, xOff + at + i).fma(scv, shv);
                    (vectorAct ? ActivationVector.apply(activation, v) : v).intoArray(y, yOff + at + i);
                }
                for (; i < inner; i++) {
                    float v = x[xOff + at + i] * sc + sh;
                    y[yOff + at + i] = vectorAct ? activation.apply(v) : v;
                }
                if (!vectorAct) {
                    activation.applyScalar(y, yOff + at, yOff + at + inner);
                }
            }
        }
    }

    @Override
    public void softmax(float[] x, int xOff, float[] y, int yOff, int rows, int cols) {
        ElementwiseChecks.rows(rows, cols, x, xOff, y, yOff);
        for (int r = 0; r < rows; r++) {
            int xr = xOff + r * cols;
            int yr = yOff + r * cols;
            float max = max(x, xr, cols);
            double sum = 0;
            for (int j = 0; j < cols; j++) {
                float e = (float) Math.exp(x[xr + j] - max);
                y[yr + j] = e;
                sum += e;
            }
            scale(y, yr, cols, (float) (1.0 / sum));
        }
    }

    @Override
    public void logSoftmax(float[] x, int xOff, float[] y, int yOff, int rows, int cols) {
        ElementwiseChecks.rows(rows, cols, x, xOff, y, yOff);
        for (int r = 0; r < rows; r++) {
            int xr = xOff + r * cols;
            int yr = yOff + r * cols;
            float max = max(x, xr, cols);
            double sum = 0;
            for (int j = 0; j < cols; j++) {
                sum += Math.exp(x[xr + j] - max);
            }
            float shift = (float) (max + Math.log(sum));
            broadcastRun(BinaryOp.SUB, x, xr, shift, false, y, yr, cols, Activation.none());
        }
    }

    private static float max(float[] x, int from, int count) {
        FloatVector acc = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
        int i = 0;
        for (; i <= count - LANES; i += LANES) {
            acc = acc.max(FloatVector.fromArray(SPECIES, x, from + i));
        }
        float max = acc.reduceLanes(VectorOperators.MAX);
        for (; i < count; i++) {
            max = Math.max(max, x[from + i]);
        }
        return max;
    }

    private static void scale(float[] y, int from, int count, float factor) {
        int i = 0;
        for (; i <= count - LANES; i += LANES) {
            FloatVector.fromArray(SPECIES, y, from + i).mul(factor).intoArray(y, from + i);
        }
        for (; i < count; i++) {
            y[from + i] *= factor;
        }
    }
}
