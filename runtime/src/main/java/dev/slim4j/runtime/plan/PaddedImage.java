package dev.slim4j.runtime.plan;

import dev.slim4j.kernels.ConvGeometry;
import dev.slim4j.kernels.Elementwise;
import java.util.Arrays;

/**
 * One uint8 image of a convolution's input copied channels-last into a buffer with the convolution's padding,
 * {@code (H + pads) x (W + pads) x C}, whose border holds x_zero_point (so padded taps add nothing once the
 * zero-point correction is applied): as bytes ({@link #bytes}) or widened to floats 0..255 ({@link #floats}). Copies
 * from NCHW planes or from channels-last rows. {@code slack} spare bytes at the end of a byte image let readers
 * move whole longs past the last element. A byte buffer may hold several images one after the other (slots).
 */
final class PaddedImage {
    private final ConvGeometry g;
    private final int width;
    private final byte[] bytes;
    private final float[] floats;
    private final Elementwise widen;

    private PaddedImage(ConvGeometry g, byte[] bytes, float[] floats, Elementwise widen) {
        this.g = g;
        this.width = g.width() + g.padLeft() + g.padRight();
        this.bytes = bytes;
        this.floats = floats;
        this.widen = widen;
    }

    /** Bytes (or floats) of one padded image of geometry {@code g}. */
    static int size(ConvGeometry g) {
        return (g.height() + g.padTop() + g.padBottom()) * (g.width() + g.padLeft() + g.padRight()) * g.channels();
    }

    static PaddedImage bytes(ConvGeometry g, int xZero, int slack) {
        return bytes(g, xZero, slack, 1);
    }

    /** A byte buffer of {@code images} padded images (slots {@code 0 .. images-1}), then {@code slack} bytes. */
    static PaddedImage bytes(ConvGeometry g, int xZero, int slack, int images) {
        byte[] data = new byte[Math.multiplyExact(size(g), images) + slack];
        Arrays.fill(data, (byte) xZero);
        return new PaddedImage(g, data, null, null);
    }

    /** A float image; channels-last rows are widened by {@code widen}'s dequantize (zero point 0, scale 1: exact). */
    static PaddedImage floats(ConvGeometry g, int xZero, Elementwise widen) {
        float[] data = new float[size(g)];
        Arrays.fill(data, xZero);
        return new PaddedImage(g, null, data, widen);
    }

    /** The byte image (null for an int image). */
    byte[] data() {
        return bytes;
    }

    /** The float image (null for a byte image). */
    float[] values() {
        return floats;
    }

    /** Bytes (or floats) of one padded image. */
    int imageSize() {
        return size(g);
    }

    /** Padded width in pixels. */
    int width() {
        return width;
    }

    /** Loads the image at {@code x[off]}, stored channels-last when {@code channelsLast}, else as channel planes. */
    void load(byte[] x, int off, boolean channelsLast) {
        load(x, off, channelsLast, 0);
    }

    /** Loads the image at {@code x[off]} into slot {@code slot} of a byte buffer of several images. */
    void load(byte[] x, int off, boolean channelsLast, int slot) {
        int c = g.channels(), h = g.height(), w = g.width();
        int base = slot * size(g);
        if (channelsLast) {
            for (int y = 0; y < h; y++) {
                int dst = base + ((y + g.padTop()) * width + g.padLeft()) * c;
                int src = off + y * w * c;
                if (bytes != null) {
                    System.arraycopy(x, src, bytes, dst, w * c);
                } else {
                    widen.dequantize(x, src, true, 0, 1f, floats, dst, w * c);
                }
            }
            return;
        }
        for (int ch = 0; ch < c; ch++) {
            int src = off + ch * h * w;
            for (int y = 0; y < h; y++, src += w) {
                int dst = base + ((y + g.padTop()) * width + g.padLeft()) * c + ch;
                if (bytes != null) {
                    for (int x0 = 0; x0 < w; x0++, dst += c) bytes[dst] = x[src + x0];
                } else {
                    for (int x0 = 0; x0 < w; x0++, dst += c) floats[dst] = x[src + x0] & 0xFF;
                }
            }
        }
    }
}
