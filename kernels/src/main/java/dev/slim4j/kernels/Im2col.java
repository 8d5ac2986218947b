package dev.slim4j.kernels;

import java.util.Arrays;

/**
 * The unfolding of convolution receptive fields into a GEMM operand, a band of output rows at a time so that the
 * unfolded band stays in the L2 cache while the GEMM reads it: for output rows {@code [oh0, oh1)} of one group of
 * one image, row {@code (c*kH + kh)*kW + kw}, column {@code (oh - oh0)*outW + ow}, leading dimension
 * {@code (oh1 - oh0) * outW}. Padding reads 0.
 */
public final class Im2col {
    /** Floats of one unfolded band (512 KiB), inside the 1 MiB L2 of this CPU generation. */
    static final int BAND_FLOATS = 128 * 1024;

    private Im2col() {}

    /** Columns a band keeps at least, so that its GEMM is wide enough for the register blocking. */
    static final int MIN_BAND_COLUMNS = 256;

    /** Output rows per band for {@code g}: cache-sized, at least {@link #MIN_BAND_COLUMNS} columns, at most all. */
    public static int bandRows(ConvGeometry g) {
        long perRow = (long) g.patchSize() * g.outWidth();
        long rows = Math.max(Math.ceilDiv(MIN_BAND_COLUMNS, g.outWidth()), BAND_FLOATS / Math.max(1, perRow));
        return (int) Math.max(1, Math.min(g.outHeight(), rows));
    }

    /** Images whose whole unfolded matrices fit one band together (at least 1). */
    public static int imagesPerBand(ConvGeometry g) {
        long perImage = (long) g.patchSize() * g.outHeight() * g.outWidth();
        return (int) Math.max(1, Math.min(g.batch(), BAND_FLOATS / Math.max(1, perImage)));
    }

    /** Floats of one band's unfolded matrix. */
    public static int bandFloats(ConvGeometry g) {
        return g.patchSize() * bandRows(g) * g.outWidth();
    }

    /** Unfolds output rows {@code [oh0, oh1)} of the group at {@code x[xGroup]} into {@code cols[colOff..]}. */
    public static void unfold(ConvGeometry g, float[] x, int xGroup, int oh0, int oh1, float[] cols, int colOff) {
        unfold(g, x, xGroup, oh0, oh1, cols, colOff, (oh1 - oh0) * g.outWidth());
    }

    /** As above with leading dimension {@code ld} (several images side by side in one matrix). */
    public static void unfold(ConvGeometry g, float[] x, int xGroup, int oh0, int oh1, float[] cols, int colOff,
                              int ld) {
        int outW = g.outWidth();
        int row = 0;
        for (int c = 0; c < g.groupChannels(); c++) {
            int plane = xGroup + c * g.height() * g.width();
            for (int kh = 0; kh < g.kernelH(); kh++) {
                for (int kw = 0; kw < g.kernelW(); kw++) {
                    int dst = colOff + row * ld;
                    for (int oh = oh0; oh < oh1; oh++) {
                        int ih = oh * g.strideH() - g.padTop() + kh * g.dilationH();
                        unfoldRow(g, x, plane, ih, kw, cols, dst + (oh - oh0) * outW);
                    }
                    row++;
                }
            }
        }
    }

    private static void unfoldRow(ConvGeometry g, float[] x, int plane, int ih, int kw, float[] cols, int dst) {
        int outW = g.outWidth();
        if (ih < 0 || ih >= g.height()) {
            Arrays.fill(cols, dst, dst + outW, 0f);
            return;
        }
        int src = plane + ih * g.width();
        int shift = kw * g.dilationW() - g.padLeft();
        int sw = g.strideW();
        int lo = Math.max(0, Math.ceilDiv(-shift, sw));
        int hi = Math.min(outW, Math.ceilDiv(g.width() - shift, sw));
        if (hi <= lo) {
            Arrays.fill(cols, dst, dst + outW, 0f);
            return;
        }
        Arrays.fill(cols, dst, dst + lo, 0f);
        if (sw == 1) {
            System.arraycopy(x, src + lo + shift, cols, dst + lo, hi - lo);
        } else {
            for (int ow = lo; ow < hi; ow++) cols[dst + ow] = x[src + ow * sw + shift];
        }
        Arrays.fill(cols, dst + hi, dst + outW, 0f);
    }
}
