package dev.slim4j.kernels;

/**
 * Depthwise convolution (multiplier 1) of one uint8 image stored channels-last, already padded and widened to
 * floats (0 to 255), by int8 weights (as floats), each channel's int32 sum requantized to a byte by {@link Requantization}
 * (column = channel). Input value {@code (r, q, c)} of the padded image, {@code r < height + padTop + padBottom},
 * {@code q < paddedWidth}, is {@code x[(r * paddedWidth + q) * C + c]}; the border holds the input zero point,
 * so the zero-point correction is a per-channel constant the caller folds into the requantization offset. Every
 * window sum is an integer below 2^24, exact in float whatever the order, for up to {@link #MAX_TAPS} taps.
 * Weights are tap-major: tap {@code (kh, kw)} of channel c is {@code w[(kh * kW + kw) * C + c]}. Output
 * {@code (oh, ow, c)} goes to {@code y[yOff + (oh * outW + ow) * C + c]}, output rows {@code [ohFrom, ohTo)}.
 */
public interface Int8Depthwise {
    /** Windows of at most this many taps keep their sums below 2^24 (255 * 128 * taps). */
    int MAX_TAPS = (1 << 24) / (255 * 128);

    String name();

    void depthwise(ConvGeometry g, float[] x, int paddedWidth, float[] w, Requantization q, byte[] y, int yOff,
                   int ohFrom, int ohTo);

    /** Throws unless the arrays hold what {@code g} and the row range need. */
    static void check(ConvGeometry g, float[] x, int paddedWidth, float[] w, Requantization q, byte[] y, int yOff,
                      int ohFrom, int ohTo) {
        if (!DepthwiseConv.supports(g)) {
            throw new IllegalArgumentException("expected a depthwise geometry (groups == channels == outChannels),"
                    + " found groups " + g.groups() + ", channels " + g.channels() + ", outChannels "
                    + g.outChannels());
        }
        int c = g.channels();
        int paddedHeight = g.height() + g.padTop() + g.padBottom();
        if (paddedWidth < g.width() + g.padLeft() + g.padRight()) {
            throw new IllegalArgumentException("expected a padded width of at least "
                    + (g.width() + g.padLeft() + g.padRight()) + ", found " + paddedWidth);
        }
        if ((long) paddedHeight * paddedWidth * c > x.length) {
            throw new IndexOutOfBoundsException("expected a padded image of " + paddedHeight + " x " + paddedWidth
                    + " x " + c + " values, found float[" + x.length + "]");
        }
        if ((long) g.kernelH() * g.kernelW() * c != w.length) {
            throw new IllegalArgumentException("expected " + g.kernelH() * g.kernelW() * c + " weights, found "
                    + w.length);
        }
        if (g.kernelH() * g.kernelW() > MAX_TAPS) {
            throw new IllegalArgumentException("expected at most " + MAX_TAPS + " taps, found " + g.kernelH() + " x "
                    + g.kernelW());
        }
        if (q.columns() != c) {
            throw new IllegalArgumentException("expected a requantization of " + c + " channels, found "
                    + q.columns());
        }
        if (ohFrom < 0 || ohTo > g.outHeight() || ohFrom > ohTo) {
            throw new IndexOutOfBoundsException("expected output rows within [0, " + g.outHeight() + "], found ["
                    + ohFrom + ", " + ohTo + ")");
        }
        if (yOff < 0 || (long) yOff + (long) g.outHeight() * g.outWidth() * c > y.length) {
            throw new IndexOutOfBoundsException("expected " + (long) g.outHeight() * g.outWidth() * c
                    + " output bytes from " + yOff + ", found byte[" + y.length + "]");
        }
    }
}
