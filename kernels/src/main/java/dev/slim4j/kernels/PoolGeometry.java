package dev.slim4j.kernels;

/**
 * Shape of a 2-D pooling over NCHW floats (ONNX MaxPool / AveragePool): input {@code batch x channels x height x
 * width}, window {@code kernelH x kernelW} with strides, pads (top, left, bottom, right) and dilations, output
 * {@code batch x channels x outHeight x outWidth}. The output size is explicit so that the caller decides the
 * rounding (floor or ceil mode, see {@link #of}); windows may then reach past the bottom/right pads.
 */
public record PoolGeometry(int batch, int channels, int height, int width, int kernelH, int kernelW,
                           int strideH, int strideW, int padTop, int padLeft, int padBottom, int padRight,
                           int dilationH, int dilationW, int outHeight, int outWidth) {

    public PoolGeometry {
        require(batch >= 0 && channels >= 1 && height >= 1 && width >= 1, "batch >= 0 and channels, height,"
                + " width >= 1", batch + ", " + channels + ", " + height + ", " + width);
        require(kernelH >= 1 && kernelW >= 1 && strideH >= 1 && strideW >= 1 && dilationH >= 1 && dilationW >= 1,
                "kernel, strides and dilations >= 1", kernelH + "x" + kernelW + ", " + strideH + "x" + strideW
                        + ", " + dilationH + "x" + dilationW);
        require(padTop >= 0 && padLeft >= 0 && padBottom >= 0 && padRight >= 0, "pads >= 0",
                padTop + ", " + padLeft + ", " + padBottom + ", " + padRight);
        require(outHeight >= 1 && outWidth >= 1, "an output of at least 1x1", outHeight + "x" + outWidth);
    }

    /** The ONNX output size: {@code floor} (or {@code ceil} in ceil mode) of (padded - dilated kernel) / stride + 1. */
    public static PoolGeometry of(int batch, int channels, int height, int width, int kernelH, int kernelW,
                                  int strideH, int strideW, int padTop, int padLeft, int padBottom, int padRight,
                                  int dilationH, int dilationW, boolean ceilMode) {
        int outH = outSize(height, padTop + padBottom, dilationH, kernelH, strideH, ceilMode);
        int outW = outSize(width, padLeft + padRight, dilationW, kernelW, strideW, ceilMode);
        return new PoolGeometry(batch, channels, height, width, kernelH, kernelW, strideH, strideW,
                padTop, padLeft, padBottom, padRight, dilationH, dilationW, outH, outW);
    }

    /** Square window, same stride and pads on all sides, no dilation, floor mode. */
    public static PoolGeometry simple(int batch, int channels, int height, int width, int kernel, int stride,
                                      int pad) {
        return of(batch, channels, height, width, kernel, kernel, stride, stride, pad, pad, pad, pad, 1, 1, false);
    }

    private static int outSize(int size, int pads, int dilation, int kernel, int stride, boolean ceil) {
        int span = size + pads - dilation * (kernel - 1) - 1;
        return (ceil ? Math.ceilDiv(span, stride) : Math.floorDiv(span, stride)) + 1;
    }

    /** Number of (image, channel) planes. */
    public int planes() {
        return batch * channels;
    }

    public int inputSize() {
        return planes() * height * width;
    }

    public int outputSize() {
        return planes() * outHeight * outWidth;
    }

    private static void require(boolean ok, String expected, String found) {
        if (!ok) {
            throw new IllegalArgumentException("expected " + expected + ", found " + found);
        }
    }
}
