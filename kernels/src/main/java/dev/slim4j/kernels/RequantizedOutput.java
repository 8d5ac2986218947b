package dev.slim4j.kernels;

import java.util.Objects;

/**
 * Where a requantized product {@code m x n} goes: element (row, column) at {@code data[index(row, column)]} with
 * {@code index = offset + (row / rowsPerImage) * imageStride + row % rowsPerImage + column * channelStride}.
 * A convolution's rows are the output positions of consecutive images, so it writes NCHW planes
 * ({@link #planes}); a matrix product writes rows ({@link #rows}).
 */
public record RequantizedOutput(byte[] data, int offset, int rowsPerImage, int imageStride, int channelStride) {
    public RequantizedOutput {
        Objects.requireNonNull(data, "data");
        if (offset < 0 || rowsPerImage < 1 || imageStride < 0 || channelStride < 0) {
            throw new IllegalArgumentException("expected offset >= 0, rowsPerImage >= 1 and non-negative strides, "
                    + "found " + offset + ", " + rowsPerImage + ", " + imageStride + ", " + channelStride);
        }
    }

    /** Channel planes of {@code spatial} bytes, {@code channels} of them per image, from {@code offset}. */
    public static RequantizedOutput planes(byte[] data, int offset, int spatial, int channels) {
        return new RequantizedOutput(data, offset, spatial, spatial * channels, spatial);
    }

    /** Row-major rows of {@code n} bytes from {@code offset}. */
    public static RequantizedOutput rows(byte[] data, int offset, int n) {
        return new RequantizedOutput(data, offset, 1, n, 1);
    }

    public int index(int row, int column) {
        return offset + (row / rowsPerImage) * imageStride + row % rowsPerImage + column * channelStride;
    }

    /** Throws unless every element of an {@code m x n} product lands inside {@code data}. */
    void check(int m, int n) {
        if (m == 0 || n == 0) return;
        int lastImage = (m - 1) / rowsPerImage;
        long lastRow = (long) lastImage * imageStride + (m - 1) % rowsPerImage;
        if (lastImage > 0) lastRow = Math.max(lastRow, (long) (lastImage - 1) * imageStride + rowsPerImage - 1);
        long last = offset + lastRow + (long) (n - 1) * channelStride;
        if (last >= data.length) {
            throw new IndexOutOfBoundsException("expected the output to hold " + m + " x " + n + " bytes (last index "
                    + last + "), found byte[" + data.length + "]");
        }
    }
}
