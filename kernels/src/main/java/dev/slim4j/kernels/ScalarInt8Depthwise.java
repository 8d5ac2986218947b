package dev.slim4j.kernels;

/** The reference {@link Int8Depthwise}: one output at a time, int32 sums in (kh, kw) order, {@link Requantization#apply}. */
public final class ScalarInt8Depthwise implements Int8Depthwise {

    @Override
    public String name() {
        return "scalar-int8-depthwise";
    }

    @Override
    public void depthwise(ConvGeometry g, float[] x, int paddedWidth, float[] w, Requantization q, byte[] y, int yOff,
                          int ohFrom, int ohTo) {
        Int8Depthwise.check(g, x, paddedWidth, w, q, y, yOff, ohFrom, ohTo);
        int channels = g.channels();
        for (int oh = ohFrom; oh < ohTo; oh++) {
            for (int ow = 0; ow < g.outWidth(); ow++) {
                int out = yOff + (oh * g.outWidth() + ow) * channels;
                for (int c = 0; c < channels; c++) {
                    y[out + c] = q.apply(window(g, x, paddedWidth, w, oh, ow, c), c);
                }
            }
        }
    }

    /** The int32 sum of the window of output (oh, ow) in channel c. */
    static int window(ConvGeometry g, float[] x, int paddedWidth, float[] w, int oh, int ow, int c) {
        int channels = g.channels();
        int acc = 0;
        for (int kh = 0; kh < g.kernelH(); kh++) {
            int r = oh * g.strideH() + kh * g.dilationH();
            for (int kw = 0; kw < g.kernelW(); kw++) {
                int col = ow * g.strideW() + kw * g.dilationW();
                acc += (int) x[(r * paddedWidth + col) * channels + c] * (int) w[(kh * g.kernelW() + kw) * channels + c];
            }
        }
        return acc;
    }
}
