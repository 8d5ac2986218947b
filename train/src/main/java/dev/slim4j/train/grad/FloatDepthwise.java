package dev.slim4j.train.grad;

import dev.slim4j.kernels.ConvGeometry;

/**
 * Gradients of a depthwise convolution (one filter per channel) by direct loops over each kernel tap and
 * output row, the valid column range clipped once: dX[c, ih, iw] += dY[c, oh, ow] * W[c, kh, kw] and
 * dW[c, kh, kw] += dY * X.
 */
final class FloatDepthwise {
    private FloatDepthwise() {}

    /** dX of images [from, to) and their dW, accumulated into {@code dw}. */
    static void images(ConvGeometry g, float[] x, float[] w, float[] dy, float[] dx, float[] dw, int from, int to) {
        int plane = g.height() * g.width();
        int outPlane = g.outHeight() * g.outWidth();
        int taps = g.kernelH() * g.kernelW();
        for (int n = from; n < to; n++) {
            for (int c = 0; c < g.channels(); c++) {
                int xOff = (n * g.channels() + c) * plane;
                int yOff = (n * g.channels() + c) * outPlane;
                channel(g, x, xOff, w, c * taps, dy, yOff, dx, dw);
            }
        }
    }

    private static void channel(ConvGeometry g, float[] x, int xOff, float[] w, int wOff, float[] dy, int yOff,
                                float[] dx, float[] dw) {
        int outW = g.outWidth();
        for (int kh = 0; kh < g.kernelH(); kh++) {
            for (int kw = 0; kw < g.kernelW(); kw++) {
                float wk = w[wOff + kh * g.kernelW() + kw];
                float acc = 0;
                for (int oh = 0; oh < g.outHeight(); oh++) {
                    int ih = oh * g.strideH() - g.padTop() + kh * g.dilationH();
                    if (ih < 0 || ih >= g.height()) continue;
                    int row = xOff + ih * g.width();
                    int dyRow = yOff + oh * outW;
                    int shift = kw * g.dilationW() - g.padLeft();
                    int lo = Math.max(0, ceilDiv(-shift, g.strideW()));
                    int hi = Math.min(outW, ceilDiv(g.width() - shift, g.strideW()));
                    int sw = g.strideW();
                    if (sw == 1) {
                        acc += axpyAndDot(dy, dyRow, x, dx, row + shift, wk, lo, hi);
                        continue;
                    }
                    for (int ow = lo; ow < hi; ow++) {
                        int iw = ow * sw + shift;
                        float d = dy[dyRow + ow];
                        acc += d * x[row + iw];
                        dx[row + iw] += d * wk;
                    }
                }
                dw[wOff + kh * g.kernelW() + kw] += acc;
            }
        }
    }

    /**
     * Stride 1: dx[base + ow] += wk * dy[dyRow + ow] over [lo, hi) (an axpy the JIT vectorizes), and the
     * returned sum of dy * x over the same range (kept in its own loop so the axpy stays vectorizable).
     */
    private static float axpyAndDot(float[] dy, int dyRow, float[] x, float[] dx, int base, float wk, int lo, int hi) {
        for (int ow = lo; ow < hi; ow++) dx[base + ow] += wk * dy[dyRow + ow];
        float acc = 0;
        for (int ow = lo; ow < hi; ow++) acc += dy[dyRow + ow] * x[base + ow];
        return acc;
    }

    private static int ceilDiv(int a, int b) { return -Math.floorDiv(-a, b); }
}
