package dev.slim4j.kernels;

/**
 * One input plane read as stride phases: element (ih, s*u + q) at {@code data[index(ih, q) + u]}, so that taps
 * of consecutive strided outputs are contiguous. Stride 1 reads the plane in place; larger strides copy it.
 */
final class StridedRows {
    private final int stride;
    private final int phaseLength;
    private final int width;
    private final float[] copy;
    float[] data;
    private int base;

    StridedRows(int height, int width, int stride) {
        this.stride = stride;
        this.width = width;
        this.phaseLength = Math.ceilDiv(width, stride);
        this.copy = stride == 1 ? null : new float[height * stride * phaseLength];
    }

    void load(float[] x, int planeOff) {
        if (stride == 1) {
            data = x;
            base = planeOff;
            return;
        }
        data = copy;
        base = 0;
        int rowsCount = copy.length / (stride * phaseLength);
        for (int ih = 0; ih < rowsCount; ih++) {
            int src = planeOff + ih * width;
            int dst = ih * stride * phaseLength;
            for (int iw = 0; iw < width; iw++) {
                copy[dst + (iw % stride) * phaseLength + iw / stride] = x[src + iw];
            }
        }
    }

    int index(int ih, int q) {
        return stride == 1 ? base + ih * width : (ih * stride + q) * phaseLength;
    }
}
