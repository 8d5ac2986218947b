package dev.slim4j.runtime.plan;

import dev.slim4j.kernels.ConvGeometry;
import dev.slim4j.kernels.Elementwise;
import dev.slim4j.kernels.Int8Depthwise;
import dev.slim4j.kernels.Requantization;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.tensor.quant.QuantMath;

/**
 * Depthwise QLinearConv (uint8 x, int8 weights of zero point 0) on the channels-last integer depthwise kernel:
 * each image is copied into a {@link PaddedImage} whose border is x_zero_point, so the zero-point correction is
 * {@code -zx * sum(w)} per channel, folded with the int32 bias into the requantization offset. The result is
 * written channels-last, or through a per-image buffer into channel planes when the output is not channels-last.
 * Output rows of an image are split between the workers.
 */
final class Int8DepthwiseStep implements Step {
    private final ConvGeometry g;
    private final Int8Depthwise kernel;
    private final float[] w;
    private final Requantization requantization;
    private final Operand x;
    private final Operand.Slot y;
    private final Workers workers;
    private final PaddedImage image;
    private final boolean inputChannelsLast;
    private final boolean outputChannelsLast;
    private final byte[] pixels;

    Int8DepthwiseStep(ConvGeometry g, Int8Depthwise kernel, byte[] w, int[] bias, float[] multiplier, int xZero,
                      long yZero, DType yType, Shape yShape, Operand x, Operand.Slot y, Workers workers,
                      boolean inputChannelsLast, boolean outputChannelsLast, Elementwise widen) {
        this.g = g;
        this.kernel = kernel;
        int c = g.channels();
        int taps = g.kernelH() * g.kernelW();
        this.w = new float[taps * c];
        int[] offset = new int[c];
        for (int ch = 0; ch < c; ch++) {
            int sum = 0;
            for (int t = 0; t < taps; t++) {
                this.w[t * c + ch] = w[ch * taps + t];
                sum += w[ch * taps + t];
            }
            offset[ch] = (bias == null ? 0 : bias[ch]) - xZero * sum;
        }
        this.requantization = new Requantization(offset, multiplier.clone(), Math.toIntExact(yZero),
                (int) QuantMath.qmin(yType), (int) QuantMath.qmax(yType));
        this.x = x;
        this.y = y;
        this.workers = workers;
        this.image = PaddedImage.floats(g, xZero, widen);
        this.inputChannelsLast = inputChannelsLast;
        this.outputChannelsLast = outputChannelsLast;
        this.pixels = outputChannelsLast ? new byte[0] : new byte[g.outHeight() * g.outWidth() * c];
    }

    @Override public void run(Frame f) {
        byte[] xb = x.tensor(f).bytes();
        Tensor out = f.output(y);
        byte[] yb = out.bytes();
        int c = g.channels();
        int inImage = c * g.height() * g.width();
        int outImage = c * g.outHeight() * g.outWidth();
        for (int n = 0; n < g.batch(); n++) {
            image.load(xb, n * inImage, inputChannelsLast);
            byte[] target = outputChannelsLast ? yb : pixels;
            int at = outputChannelsLast ? n * outImage : 0;
            workers.forRanges(g.outHeight(), (part, from, to) -> kernel.depthwise(g, image.values(), image.width(), w,
                    requantization, target, at, from, to));
            if (!outputChannelsLast) toPlanes(yb, n * outImage);
        }
    }

    /** The channels-last pixels of one image into its channel planes at {@code yb[off]}. */
    private void toPlanes(byte[] yb, int off) {
        int c = g.channels();
        int spatial = g.outHeight() * g.outWidth();
        for (int p = 0; p < spatial; p++) {
            for (int ch = 0; ch < c; ch++) yb[off + ch * spatial + p] = pixels[p * c + ch];
        }
    }
}
