package dev.slim4j.runtime.plan;

import dev.slim4j.kernels.ConvGeometry;
import java.util.Arrays;

/**
 * One uint8 image of a convolution's input copied channels-last into a buffer with the convolution's padding,
 * {@code (H + pads) x (W + pads) x C}, whose border holds x_zero_point (so padded taps add nothing once the
 * zero-point correction is applied). Copies from NCHW planes or from channels-last rows. {@code slack} spare bytes
 * at the end let readers move whole longs past the last element.
 */
final class PaddedImage {
    private final ConvGeometry g;
    private final int width;
    private final byte[] data;

    PaddedImage(ConvGeometry g, int xZero, int slack) {
        this.g = g;
        this.width = g.width() + g.padLeft() + g.padRight();
        this.data = new byte[(g.height() + g.padTop() + g.padBottom()) * width * g.channels() + slack];
        Arrays.fill(data, (byte) xZero);
    }

    byte[] data() {
        return data;
    }

    /** Padded width in pixels. */
    int width() {
        return width;
    }

    /** Loads the image at {@code x[off]}, stored channels-last when {@code channelsLast}, else as channel planes. */
    void load(byte[] x, int off, boolean channelsLast) {
        int c = g.channels(), h = g.height(), w = g.width();
        if (channelsLast) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(x, off + y * w * c, data, ((y + g.padTop()) * width + g.padLeft()) * c, w * c);
            }
            return;
        }
        for (int ch = 0; ch < c; ch++) {
            int src = off + ch * h * w;
            for (int y = 0; y < h; y++, src += w) {
                int dst = ((y + g.padTop()) * width + g.padLeft()) * c + ch;
                for (int x0 = 0; x0 < w; x0++, dst += c) data[dst] = x[src + x0];
            }
        }
    }
}
