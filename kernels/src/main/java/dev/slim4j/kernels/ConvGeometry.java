package dev.slim4j.kernels;

/**
 * Shape of a 2-D convolution over NCHW floats (ONNX Conv semantics): input {@code batch x channels x height x
 * width}, weights {@code outChannels x channels/groups x kernelH x kernelW}, output {@code batch x outChannels x
 * outHeight() x outWidth()}. Pads are top, left, bottom, right. A 1-D convolution is height 1, kernelH 1.
 */
public record ConvGeometry(int batch, int channels, int height, int width, int outChannels,
                           int kernelH, int kernelW, int strideH, int strideW,
                           int padTop, int padLeft, int padBottom, int padRight,
                           int dilationH, int dilationW, int groups) {

    public ConvGeometry {
        require(batch >= 0 && channels >= 1 && height >= 1 && width >= 1 && outChannels >= 1,
                "batch >= 0 and channels, height, width, outChannels >= 1", batch + ", " + channels + ", " + height
                        + ", " + width + ", " + outChannels);
        require(kernelH >= 1 && kernelW >= 1 && strideH >= 1 && strideW >= 1 && dilationH >= 1 && dilationW >= 1,
                "kernel, strides and dilations >= 1", kernelH + "x" + kernelW + ", " + strideH + "x" + strideW
                        + ", " + dilationH + "x" + dilationW);
        require(padTop >= 0 && padLeft >= 0 && padBottom >= 0 && padRight >= 0, "pads >= 0",
                padTop + ", " + padLeft + ", " + padBottom + ", " + padRight);
        require(groups >= 1 && channels % groups == 0 && outChannels % groups == 0,
                "groups dividing channels " + channels + " and outChannels " + outChannels, "groups " + groups);
        int outH = outSize(height, padTop + padBottom, dilationH, kernelH, strideH);
        int outW = outSize(width, padLeft + padRight, dilationW, kernelW, strideW);
        require(outH >= 1 && outW >= 1, "an output of at least 1x1 (padded input covering the dilated kernel)",
                outH + "x" + outW);
    }

    /** Same pads on all sides, no dilation, one group. */
    public static ConvGeometry simple(int batch, int channels, int height, int width, int outChannels,
                                      int kernel, int stride, int pad) {
        return new ConvGeometry(batch, channels, height, width, outChannels, kernel, kernel, stride, stride,
                pad, pad, pad, pad, 1, 1, 1);
    }

    public int outHeight() {
        return outSize(height, padTop + padBottom, dilationH, kernelH, strideH);
    }

    public int outWidth() {
        return outSize(width, padLeft + padRight, dilationW, kernelW, strideW);
    }

    private static int outSize(int size, int pads, int dilation, int kernel, int stride) {
        return Math.floorDiv(size + pads - dilation * (kernel - 1) - 1, stride) + 1;
    }

    /** Input channels per group. */
    public int groupChannels() {
        return channels / groups;
    }

    /** Output channels per group. */
    public int groupOutChannels() {
        return outChannels / groups;
    }

    /** Length of one filter: the GEMM depth k. */
    public int patchSize() {
        return groupChannels() * kernelH * kernelW;
    }

    public int inputSize() {
        return batch * channels * height * width;
    }

    public int weightSize() {
        return outChannels * patchSize();
    }

    public int outputSize() {
        return batch * outChannels * outHeight() * outWidth();
    }

    /** Whether im2col is the identity: 1x1 kernel, stride 1, no padding. */
    public boolean pointwise() {
        return kernelH == 1 && kernelW == 1 && strideH == 1 && strideW == 1
                && padTop == 0 && padLeft == 0 && padBottom == 0 && padRight == 0;
    }

    private static void require(boolean ok, String expected, String found) {
        if (!ok) {
            throw new IllegalArgumentException("expected " + expected + ", found " + found);
        }
    }
}
