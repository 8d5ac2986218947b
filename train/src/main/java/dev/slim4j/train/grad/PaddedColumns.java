package dev.slim4j.train.grad;

import dev.slim4j.kernels.ConvGeometry;

/**
 * The im2col matrix of a stride-1 convolution read in place: one group of one image is copied into a zero-padded
 * buffer {@code [c][padH][padW]}, and im2col row {@code (c*kH + kh)*kW + kw} is then the window of that buffer
 * starting at {@code c*padH*padW + kh*dH*padW + kw*dW}, column {@code oh*padW + ow} (a GEMM B operand given by
 * a row table). Columns with {@code ow >= outW} are wrap-around garbage: {@link #gather} drops them from a
 * product, and {@link #spread} leaves them 0 in a wide operand so they add nothing. One instance per thread.
 */
final class PaddedColumns {
    private final ConvGeometry g;
    private final int padW;
    private final int plane;
    private final int[] rows;
    private final float[] image;

    PaddedColumns(ConvGeometry g) {
        if (g.strideH() != 1 || g.strideW() != 1) {
            throw new IllegalArgumentException("expected a stride-1 convolution, found strides " + g.strideH()
                    + " x " + g.strideW());
        }
        this.g = g;
        this.padW = g.width() + g.padLeft() + g.padRight();
        this.plane = (g.height() + g.padTop() + g.padBottom()) * padW;
        this.image = new float[g.groupChannels() * plane];
        this.rows = new int[g.patchSize()];
        int r = 0;
        for (int c = 0; c < g.groupChannels(); c++) {
            for (int kh = 0; kh < g.kernelH(); kh++) {
                for (int kw = 0; kw < g.kernelW(); kw++) {
                    rows[r++] = c * plane + kh * g.dilationH() * padW + kw * g.dilationW();
                }
            }
        }
    }

    /** Columns of the wide product: {@code (outH - 1) * padW + outW}. */
    int columns() { return (g.outHeight() - 1) * padW + g.outWidth(); }

    /** The padded buffer, B of {@link dev.slim4j.kernels.Gemm#sgemmRows} with {@link #rows()}. */
    float[] image() { return image; }

    int[] rows() { return rows; }

    /** Copies the group's channels at {@code x[xOff]} inside the padding (the padding stays 0). */
    void pad(float[] x, int xOff) {
        int w = g.width();
        int top = g.padTop() * padW + g.padLeft();
        for (int c = 0; c < g.groupChannels(); c++) {
            for (int h = 0; h < g.height(); h++) {
                System.arraycopy(x, xOff + (c * g.height() + h) * w, image, c * plane + top + h * padW, w);
            }
        }
    }

    /** y[yOff + (r*outH + oh)*outW + ow] = wide[r*columns() + oh*padW + ow] for {@code rowCount} rows. */
    void gather(float[] wide, int rowCount, float[] y, int yOff) {
        int outH = g.outHeight();
        int outW = g.outWidth();
        int cols = columns();
        for (int r = 0; r < rowCount; r++) {
            for (int oh = 0; oh < outH; oh++) {
                System.arraycopy(wide, r * cols + oh * padW, y, yOff + (r * outH + oh) * outW, outW);
            }
        }
    }

    /** The inverse of {@link #gather} into {@code wide}, whose garbage columns must be (and stay) 0. */
    void spread(float[] y, int yOff, int rowCount, float[] wide) {
        int outH = g.outHeight();
        int outW = g.outWidth();
        int cols = columns();
        for (int r = 0; r < rowCount; r++) {
            for (int oh = 0; oh < outH; oh++) {
                System.arraycopy(y, yOff + (r * outH + oh) * outW, wide, r * cols + oh * padW, outW);
            }
        }
    }
}
