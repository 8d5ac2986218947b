package dev.slim4j.kernels;

/** The executable specification of {@link Elementwise}: one scalar loop per kernel; softmax in double sums. */
public final class ScalarElementwise implements Elementwise {

    @Override
    public void quantize(float[] x, int xOff, byte[] y, int yOff, int count, float scale, int zeroPoint, int qmin, int qmax) {
        for (int i = 0; i < count; i++) y[yOff + i] = quantizeOne(x[xOff + i], scale, zeroPoint, qmin, qmax);
    }

    @Override
    public void dequantize(byte[] q, int qOff, boolean unsigned, int zeroPoint, float scale, float[] y, int yOff,
                           int count) {
        ElementwiseChecks.dequantize(q, qOff, y, yOff, count);
        for (int i = 0; i < count; i++) {
            int v = unsigned ? q[qOff + i] & 0xFF : q[qOff + i];
            y[yOff + i] = (float) (v - zeroPoint) * scale;
        }
    }

    /** One element of {@link #quantize}. */
    static byte quantizeOne(float x, float scale, int zeroPoint, int qmin, int qmax) {
        double v = Math.rint(x / scale) + zeroPoint;
        if (Double.isNaN(v)) return (byte) Math.clamp(zeroPoint, qmin, qmax);
        return (byte) (v <= qmin ? qmin : v >= qmax ? qmax : (int) v);
    }

    @Override
    public String name() {
        return "scalar-elementwise";
    }

    @Override
    public void binary(BinaryOp op, float[] a, int aOff, float[] b, int bOff, float[] y, int yOff, int count,
                       Activation activation) {
        ElementwiseChecks.extents(count, "a", a, aOff, "b", b, bOff, "y", y, yOff);
        for (int i = 0; i < count; i++) {
            y[yOff + i] = activation.apply(op.apply(a[aOff + i], b[bOff + i]));
        }
    }

    @Override
    public void binaryScalar(BinaryOp op, float[] x, int xOff, float s, boolean scalarFirst, float[] y, int yOff,
                             int count, Activation activation) {
        ElementwiseChecks.extents(count, "x", x, xOff, "y", y, yOff);
        for (int i = 0; i < count; i++) {
            float v = scalarFirst ? op.apply(s, x[xOff + i]) : op.apply(x[xOff + i], s);
            y[yOff + i] = activation.apply(v);
        }
    }

    @Override
    public void binaryChannel(BinaryOp op, float[] x, int xOff, float[] c, int cOff, boolean channelFirst,
                              float[] y, int yOff, int outer, int channels, int inner, Activation activation) {
        ElementwiseChecks.channels(outer, channels, inner, x, xOff, y, yOff, "c", c, cOff);
        for (int i = 0; i < outer * channels * inner; i++) {
            float cv = c[cOff + i / inner % channels];
            float xv = x[xOff + i];
            y[yOff + i] = activation.apply(channelFirst ? op.apply(cv, xv) : op.apply(xv, cv));
        }
    }

    @Override
    public void activate(Activation activation, float[] x, int xOff, float[] y, int yOff, int count) {
        ElementwiseChecks.extents(count, "x", x, xOff, "y", y, yOff);
        for (int i = 0; i < count; i++) {
            y[yOff + i] = activation.apply(x[xOff + i]);
        }
    }

    @Override
    public void passWhere(float[] x, int xOff, double[] dy, int dyOff, double[] dx, int dxOff, int count, float lo,
                          float hi, boolean closed) {
        ElementwiseChecks.passExtents(count, x, xOff, dy, dyOff, dx, dxOff);
        for (int i = 0; i < count; i++) {
            float v = x[xOff + i];
            boolean pass = closed ? v >= lo && v <= hi : v > lo && v < hi;
            dx[dxOff + i] = pass ? dy[dyOff + i] : 0;
        }
    }

    @Override
    public void moments(float[] x, int xOff, double[] dy, int dyOff, int count, double shift, double[] out) {
        ElementwiseChecks.momentExtents(count, x, xOff, dy, dyOff, out);
        double s = 0, q = 0, g = 0, h = 0;
        for (int i = 0; i < count; i++) {
            double d = x[xOff + i] - shift;
            s += d;
            q += d * d;
            if (dy != null) {
                g += dy[dyOff + i];
                h += dy[dyOff + i] * d;
            }
        }
        out[0] += s;
        out[1] += q;
        if (dy != null) {
            out[2] += g;
            out[3] += h;
        }
    }

    @Override
    public void scaleShift(float[] x, int xOff, float[] scale, int scaleOff, float[] shift, int shiftOff,
                           float[] y, int yOff, int outer, int channels, int inner, Activation activation) {
        ElementwiseChecks.channels(outer, channels, inner, x, xOff, y, yOff, "scale", scale, scaleOff);
        Conv.checkExtent("shift", shift, shiftOff, channels);
        for (int i = 0; i < outer * channels * inner; i++) {
            int ch = i / inner % channels;
            y[yOff + i] = activation.apply(x[xOff + i] * scale[scaleOff + ch] + shift[shiftOff + ch]);
        }
    }

    @Override
    public void softmax(float[] x, int xOff, float[] y, int yOff, int rows, int cols) {
        ElementwiseChecks.rows(rows, cols, x, xOff, y, yOff);
        for (int r = 0; r < rows; r++) {
            int row = r * cols;
            float max = rowMax(x, xOff + row, cols);
            double sum = 0;
            for (int j = 0; j < cols; j++) {
                sum += Math.exp(x[xOff + row + j] - max);
            }
            for (int j = 0; j < cols; j++) {
                y[yOff + row + j] = (float) (Math.exp(x[xOff + row + j] - max) / sum);
            }
        }
    }

    @Override
    public void logSoftmax(float[] x, int xOff, float[] y, int yOff, int rows, int cols) {
        ElementwiseChecks.rows(rows, cols, x, xOff, y, yOff);
        for (int r = 0; r < rows; r++) {
            int row = r * cols;
            float max = rowMax(x, xOff + row, cols);
            double sum = 0;
            for (int j = 0; j < cols; j++) {
                sum += Math.exp(x[xOff + row + j] - max);
            }
            double log = Math.log(sum);
            for (int j = 0; j < cols; j++) {
                y[yOff + row + j] = (float) (x[xOff + row + j] - max - log);
            }
        }
    }

    static float rowMax(float[] x, int from, int cols) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < cols; j++) {
            max = Math.max(max, x[from + j]);
        }
        return max;
    }
}
