package dev.slim4j.kernels;

/**
 * MaxPool over NCHW 8-bit integers (quantized activations: the maximum commutes with the monotonic
 * (de)quantization, so pooling the integers is exact). Plain loops: per output the window's valid rows and columns
 * are worked out once, so the inner loop has no bounds test. A window with no valid tap gives the type's minimum.
 */
public final class BytePooling {
    private BytePooling() {}

    /** {@code y[plane, oh, ow] = max x[plane, window]} over planes {@code [from, to)}, signed or unsigned bytes. */
    public static void maxPool(PoolGeometry g, boolean unsigned, byte[] x, int xOff, byte[] y, int yOff, int from,
                               int to) {
        if (from < 0 || to > g.planes() || from > to) {
            throw new IllegalArgumentException("expected planes 0 <= from <= to <= " + g.planes() + ", found ["
                    + from + ", " + to + ")");
        }
        checkExtent("x", x, xOff, g.inputSize());
        checkExtent("y", y, yOff, g.outputSize());
        if (isInnerTwoByTwo(g)) {
            twoByTwo(g, unsigned ? 0 : 128, x, xOff, y, yOff, from, to);
            return;
        }
        int[] colLo = new int[g.outWidth()];
        int[] colHi = new int[g.outWidth()];
        for (int ow = 0; ow < g.outWidth(); ow++) {
            int w0 = ow * g.strideW() - g.padLeft();
            colLo[ow] = firstTap(w0, g.dilationW());
            colHi[ow] = lastTap(w0, g.dilationW(), g.kernelW(), g.width());
        }
        int bias = unsigned ? 0 : 128; // signed bytes compare as unsigned after flipping the sign bit
        int plane = g.height() * g.width();
        for (int p = from; p < to; p++) {
            int xp = xOff + p * plane;
            int yp = yOff + p * g.outHeight() * g.outWidth();
            for (int oh = 0; oh < g.outHeight(); oh++) {
                int h0 = oh * g.strideH() - g.padTop();
                int rowLo = firstTap(h0, g.dilationH());
                int rowHi = lastTap(h0, g.dilationH(), g.kernelH(), g.height());
                for (int ow = 0; ow < g.outWidth(); ow++) {
                    int w0 = ow * g.strideW() - g.padLeft();
                    int best = -1;
                    for (int kh = rowLo; kh < rowHi; kh++) {
                        int row = xp + (h0 + kh * g.dilationH()) * g.width() + w0;
                        for (int kw = colLo[ow]; kw < colHi[ow]; kw++) {
                            best = Math.max(best, (x[row + kw * g.dilationW()] + bias) & 0xFF);
                        }
                    }
                    y[yp + oh * g.outWidth() + ow] = (byte) (best < 0 ? (unsigned ? 0 : -128) : best - bias);
                }
            }
        }
    }

    /** A 2x2 window with stride 2, no pads or dilation, every window inside the image (the common MaxPool). */
    private static boolean isInnerTwoByTwo(PoolGeometry g) {
        return g.kernelH() == 2 && g.kernelW() == 2 && g.strideH() == 2 && g.strideW() == 2 && g.dilationH() == 1
                && g.dilationW() == 1 && g.padTop() == 0 && g.padLeft() == 0 && 2 * g.outHeight() <= g.height()
                && 2 * g.outWidth() <= g.width();
    }

    private static void twoByTwo(PoolGeometry g, int bias, byte[] x, int xOff, byte[] y, int yOff, int from, int to) {
        int w = g.width();
        int outW = g.outWidth();
        for (int p = from; p < to; p++) {
            int xp = xOff + p * g.height() * w;
            int yp = yOff + p * g.outHeight() * outW;
            for (int oh = 0; oh < g.outHeight(); oh++) {
                int top = xp + 2 * oh * w;
                int bottom = top + w;
                int out = yp + oh * outW;
                for (int ow = 0; ow < outW; ow++) {
                    int a = Math.max((x[top + 2 * ow] + bias) & 0xFF, (x[top + 2 * ow + 1] + bias) & 0xFF);
                    int b = Math.max((x[bottom + 2 * ow] + bias) & 0xFF, (x[bottom + 2 * ow + 1] + bias) & 0xFF);
                    y[out + ow] = (byte) (Math.max(a, b) - bias);
                }
            }
        }
    }

    /** The first tap k with {@code start + k*dilation >= 0}. */
    private static int firstTap(int start, int dilation) {
        return start >= 0 ? 0 : Math.ceilDiv(-start, dilation);
    }

    /** One past the last tap k (< kernel) with {@code start + k*dilation < size}. */
    private static int lastTap(int start, int dilation, int kernel, int size) {
        if (start >= size) return 0;
        return Math.min(kernel, Math.ceilDiv(size - start, dilation));
    }

    private static void checkExtent(String name, byte[] data, int off, int size) {
        if (off < 0 || (long) off + size > data.length) {
            throw new IndexOutOfBoundsException("expected " + name + " to hold " + size + " bytes from " + off
                    + ", found byte[" + data.length + "]");
        }
    }
}
