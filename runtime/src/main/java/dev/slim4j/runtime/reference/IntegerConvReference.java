package dev.slim4j.runtime.reference;

import dev.slim4j.ir.op.ConvInteger;
import dev.slim4j.ir.op.QLinearConv;
import dev.slim4j.ir.op.SlidingWindow;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.ShapeException;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.tensor.quant.QuantMath;
import java.util.List;

/**
 * Reference ConvInteger and QLinearConv: N-D grouped convolution of (x - x_zero_point) with
 * (w - w_zero_point[m]), accumulated in int32 (wrapping, as ONNX allows). Padding reads x_zero_point,
 * so it adds nothing. QLinearConv then adds the int32 bias and requantizes per output channel.
 */
final class IntegerConvReference {
    private IntegerConvReference() {}

    /** The int32 accumulators [N, M, out...] of one convolution. */
    record Accumulators(int[] values, Shape shape) {
        int channels() { return shape.dim(1); }

        int channelSize() { return Math.toIntExact(shape.sizeBetween(2, shape.rank())); }
    }

    static Tensor convInteger(ConvInteger op, List<Tensor> in) {
        Tensor x = in.get(0);
        Tensor w = in.get(1);
        Tensor xZp = QuantReference.input(in, 2);
        Tensor wZp = QuantReference.input(in, 3);
        long xZero = scalar("ConvInteger", "x_zero_point", xZp);
        long[] wZero = perChannel("ConvInteger", "w_zero_point", wZp, w.shape().dim(0));
        Accumulators acc = accumulate("ConvInteger", x, xZero, w, wZero, op.window(), op.group());
        return Tensor.ofInts(acc.shape(), acc.values());
    }

    static Tensor qLinearConv(QLinearConv op, List<Tensor> in) {
        Tensor x = in.get(0);
        Tensor w = in.get(3);
        Tensor yZp = in.get(7);
        Tensor bias = QuantReference.input(in, 8);
        int m = w.shape().dim(0);
        long[] wZero = perChannel("QLinearConv", "w_zero_point", in.get(5), m);
        Accumulators acc = accumulate("QLinearConv", x, scalar("QLinearConv", "x_zero_point", in.get(2)), w, wZero,
                op.window(), op.group());
        float[] multipliers = multipliers(in.get(1), in.get(4), in.get(6), m);
        if (bias != null && (bias.rank() != 1 || bias.shape().dim(0) != m)) {
            throw new ShapeException("QLinearConv: expected B of shape [" + m + "], found " + bias.shape());
        }
        long yZero = scalar("QLinearConv", "y_zero_point", yZp);
        Tensor y = Tensor.allocate(yZp.dtype(), acc.shape());
        int size = acc.channelSize();
        for (int i = 0; i < acc.values().length; i++) {
            int c = (i / size) % m;
            int sum = acc.values()[i] + (bias == null ? 0 : QuantMath.wrapInt32(bias.getLong(c)));
            y.setLong(i, QuantMath.requantize(sum, multipliers[c], yZero, yZp.dtype()));
        }
        return y;
    }

    /** x_scale * w_scale[m] / y_scale for each output channel. */
    private static float[] multipliers(Tensor xScale, Tensor wScale, Tensor yScale, int m) {
        float xs = (float) scalarOf("QLinearConv", "x_scale", xScale);
        float ys = (float) scalarOf("QLinearConv", "y_scale", yScale);
        checkPerChannel("QLinearConv", "w_scale", wScale, m);
        float[] out = new float[m];
        for (int c = 0; c < m; c++) {
            out[c] = QuantMath.requantizeMultiplier(xs, wScale.getFloat(wScale.size() == 1 ? 0 : c), ys);
        }
        return out;
    }

    static Accumulators accumulate(String op, Tensor x, long xZero, Tensor w, long[] wZero, SlidingWindow window,
                                   long group) {
        ConvGeometry g = ConvGeometry.of(op, x.shape(), w.shape(), window, group);
        int[] acc = new int[Math.toIntExact(g.output().size())];
        int cg = g.inChannels() / g.group();
        int mg = g.outChannels() / g.group();
        for (int n = 0; n < g.batch(); n++) {
            for (int m = 0; m < g.outChannels(); m++) {
                int firstChannel = (m / mg) * cg;
                int yBase = (n * g.outChannels() + m) * g.outputSize();
                for (int o = 0; o < g.outputSize(); o++) {
                    int sum = 0;
                    for (int c = 0; c < cg; c++) {
                        int xBase = (n * g.inChannels() + firstChannel + c) * g.inputSize();
                        int wBase = (m * cg + c) * g.kernelSize();
                        for (int k = 0; k < g.kernelSize(); k++) {
                            int at = g.inputIndex(o, k);
                            if (at < 0) continue;
                            long xv = x.getLong(xBase + at) - xZero;
                            long wv = w.getLong(wBase + k) - wZero[m];
                            sum += (int) (xv * wv);
                        }
                    }
                    acc[yBase + o] = sum;
                }
            }
        }
        return new Accumulators(acc, g.output());
    }

    /** The single value of a per-tensor parameter (0 when omitted). */
    static long scalar(String op, String name, Tensor t) {
        if (t == null) return 0;
        return (long) scalarOf(op, name, t);
    }

    static double scalarOf(String op, String name, Tensor t) {
        if (t.size() != 1 || t.rank() > 1) {
            throw new ShapeException(op + ": expected " + name + " to be a scalar (per tensor), found " + t.shape());
        }
        return t.dtype().isFloatingPoint() ? t.getDouble(0) : t.getLong(0);
    }

    /** A scalar or per-output-channel parameter as m values (zeros when omitted). */
    static long[] perChannel(String op, String name, Tensor t, int m) {
        long[] out = new long[m];
        if (t == null) return out;
        checkPerChannel(op, name, t, m);
        for (int c = 0; c < m; c++) out[c] = t.getLong(t.size() == 1 ? 0 : c);
        return out;
    }

    private static void checkPerChannel(String op, String name, Tensor t, int m) {
        if (t.rank() > 1 || t.size() != 1 && t.size() != m) {
            throw new ShapeException(op + ": expected " + name + " to be a scalar or 1-D of " + m
                    + " elements (output channels), found " + t.shape());
        }
    }
}
