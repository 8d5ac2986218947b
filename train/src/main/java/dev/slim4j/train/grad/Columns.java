package dev.slim4j.train.grad;

import dev.slim4j.kernels.ConvGeometry;

/**
 * im2col and its adjoint col2im for one group of one image: row {@code (c*kH + kh)*kW + kw}, column
 * {@code oh*outW + ow}. Each (row, oh) segment is the input row {@code ih} read at {@code iw = ow*s + shift}:
 * the valid {@code ow} range is computed once, so the copy (stride 1: a plain array copy) has no per-element test.
 */
final class Columns {
    private Columns() {}

    static void unfold(ConvGeometry g, float[] x, int xOff, float[] cols) { walk(g, cols, x, xOff, true); }

    /** Adds the columns back onto the image positions they were read from. */
    static void fold(ConvGeometry g, float[] cols, float[] dx, int xOff) { walk(g, cols, dx, xOff, false); }

    private static void walk(ConvGeometry g, float[] cols, float[] img, int xOff, boolean read) {
        int outH = g.outHeight();
        int outW = g.outWidth();
        int sw = g.strideW();
        int row = 0;
        for (int c = 0; c < g.groupChannels(); c++) {
            int planeOff = xOff + c * g.height() * g.width();
            for (int kh = 0; kh < g.kernelH(); kh++) {
                for (int kw = 0; kw < g.kernelW(); kw++) {
                    int shift = kw * g.dilationW() - g.padLeft();
                    int lo = Math.min(outW, Math.max(0, ceilDiv(-shift, sw)));
                    int hi = Math.max(lo, Math.min(outW, ceilDiv(g.width() - shift, sw)));
                    int dst = row * outH * outW;
                    for (int oh = 0; oh < outH; oh++) {
                        int ih = oh * g.strideH() - g.padTop() + kh * g.dilationH();
                        int at = dst + oh * outW;
                        if (ih < 0 || ih >= g.height()) {
                            if (read) zero(cols, at, at + outW);
                            continue;
                        }
                        int src = planeOff + ih * g.width() + shift;
                        if (read) readRow(img, src, sw, cols, at, lo, hi, outW);
                        else addRow(cols, at, img, src, sw, lo, hi);
                    }
                    row++;
                }
            }
        }
    }

    private static void readRow(float[] img, int src, int sw, float[] cols, int at, int lo, int hi, int outW) {
        zero(cols, at, at + lo);
        if (sw == 1) {
            System.arraycopy(img, src + lo, cols, at + lo, hi - lo);
        } else {
            for (int ow = lo; ow < hi; ow++) cols[at + ow] = img[src + ow * sw];
        }
        zero(cols, at + hi, at + outW);
    }

    private static void addRow(float[] cols, int at, float[] img, int src, int sw, int lo, int hi) {
        if (sw == 1) {
            for (int ow = lo; ow < hi; ow++) img[src + ow] += cols[at + ow];
        } else {
            for (int ow = lo; ow < hi; ow++) img[src + ow * sw] += cols[at + ow];
        }
    }

    /** Zeroes [from, to): a plain loop, cheaper than a call for the one or two pixels of a padded edge. */
    private static void zero(float[] a, int from, int to) {
        for (int i = from; i < to; i++) a[i] = 0f;
    }

    private static int ceilDiv(int a, int b) { return -Math.floorDiv(-a, b); }
}
