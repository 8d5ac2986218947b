package dev.slim4j.runtime.plan;

import dev.slim4j.kernels.Activation;
import dev.slim4j.kernels.ConvGeometry;
import dev.slim4j.kernels.DepthwiseConv;
import dev.slim4j.kernels.Elementwise;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.tensor.quant.QuantMath;

/**
 * Depthwise QLinearConv (weights zero point 0) on the float depthwise kernel, exactly: the input minus x_zero_point
 * and the int8 weights are small integers in floats, so every partial sum of a window (at most
 * {@link #EXACT_LIMIT}) is an exact float whatever the summation order; the integer sums, plus the int32 bias,
 * are then requantized per channel by the reference rule.
 */
final class Int8DepthwiseStep implements Step {
    /** Floats hold every integer below 2^24 exactly; accumulators and biases stay below half of it. */
    static final long EXACT_LIMIT = 1L << 23;

    private final ConvGeometry g;
    private final DepthwiseConv kernel;
    private final Elementwise elementwise;
    private final float[] w;
    private final int[] bias;
    private final float[] multiplier;
    private final int xZero;
    private final boolean unsigned;
    private final int yZero;
    private final int qmin;
    private final int qmax;
    private final DType yType;
    private final Shape yShape;
    private final Operand x;
    private final Operand.Slot y;
    private final Workers workers;
    private final float[] xf;
    private final float[] acc;

    Int8DepthwiseStep(ConvGeometry g, DepthwiseConv kernel, Elementwise elementwise, byte[] w, int[] bias,
                      float[] multiplier, int xZero, boolean unsigned, long yZero, DType yType, Shape yShape,
                      Operand x, Operand.Slot y, Workers workers) {
        this.g = g;
        this.kernel = kernel;
        this.elementwise = elementwise;
        this.w = new float[w.length];
        for (int i = 0; i < w.length; i++) this.w[i] = w[i];
        this.bias = bias == null ? new int[g.outChannels()] : bias.clone();
        this.multiplier = multiplier.clone();
        this.xZero = xZero;
        this.unsigned = unsigned;
        this.yZero = Math.toIntExact(yZero);
        this.qmin = (int) QuantMath.qmin(yType);
        this.qmax = (int) QuantMath.qmax(yType);
        this.yType = yType;
        this.yShape = yShape;
        this.x = x;
        this.y = y;
        this.workers = workers;
        this.xf = new float[g.inputSize()];
        this.acc = new float[g.outputSize()];
    }

    /** Whether every window sum and bias of this convolution stays exact in float arithmetic. */
    static boolean exact(ConvGeometry g, int[] bias) {
        long window = 255L * 128 * g.kernelH() * g.kernelW();
        if (window >= EXACT_LIMIT) return false;
        if (bias != null) {
            for (int b : bias) if (Math.abs((long) b) >= EXACT_LIMIT) return false;
        }
        return true;
    }

    @Override public void run(Frame f) {
        byte[] xb = x.tensor(f).bytes();
        if (unsigned) {
            for (int i = 0; i < xf.length; i++) xf[i] = (xb[i] & 0xFF) - xZero;
        } else {
            for (int i = 0; i < xf.length; i++) xf[i] = xb[i] - xZero;
        }
        kernel.depthwise(g, xf, 0, w, 0, null, 0, acc, 0, new Activation.None(), null, 0, workers.parallelism());
        Tensor out = Tensor.allocate(yType, yShape);
        byte[] yb = out.bytes();
        int spatial = g.outHeight() * g.outWidth();
        int channels = g.outChannels();
        workers.forRanges(g.batch() * channels, (part, from, to) -> {
            for (int plane = from; plane < to; plane++) {
                int c = plane % channels;
                elementwise.requantize(acc, plane * spatial, yb, plane * spatial, spatial, bias[c], multiplier[c],
                        yZero, qmin, qmax);
            }
        });
        f.tensors[y.slot()] = out;
    }
}
