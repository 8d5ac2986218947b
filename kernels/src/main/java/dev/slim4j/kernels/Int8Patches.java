package dev.slim4j.kernels;

import java.util.Objects;

/**
 * The left side of an {@link Int8Gemm} read in place from padded channels-last uint8 images, without unfolding
 * ("implicit im2row"): row {@code i} is the patch of output position {@code i % outPositions} of image
 * {@code i / outPositions}, which starts at {@code data[offset + image * imageBytes + oh * rowStride + ow * colStride]}
 * ({@code oh, ow} = that position over {@code outWidth}). A patch is {@code kernelRows} runs of {@code runBytes}
 * bytes, {@code kernelRowStep} bytes apart; element {@code kk} of a row is byte {@code kk % runBytes} of run
 * {@code kk / runBytes}, so {@code k = kernelRows * runBytes} and a convolution's weights are in the order of its
 * unfolded patches (kh, kw, c). {@code data} must hold {@link #SLACK} bytes past the last byte of the last patch:
 * a kernel may read a run in groups of 8 bytes.
 */
public record Int8Patches(byte[] data, int offset, int imageBytes, int outWidth, int outPositions, int rowStride,
                          int colStride, int kernelRows, int kernelRowStep, int runBytes) {
    /** Bytes {@code data} must hold past the last patch. */
    public static final int SLACK = 7;

    public Int8Patches {
        Objects.requireNonNull(data, "data");
        if (offset < 0 || imageBytes < 0 || outWidth < 1 || outPositions < outWidth || outPositions % outWidth != 0
                || rowStride < 0 || colStride < 0 || kernelRows < 1 || kernelRowStep < 0 || runBytes < 1) {
            throw new IllegalArgumentException("expected non-negative strides, outPositions a positive multiple of "
                    + "outWidth and at least one kernel row and byte, found " + this);
        }
    }

    /** Row length of the product, {@code kernelRows * runBytes}. */
    public int k() {
        return kernelRows * runBytes;
    }

    /** Index in {@code data} of the first byte of row {@code i}'s patch. */
    public long start(int i) {
        int image = i / outPositions;
        int position = i % outPositions;
        return offset + (long) image * imageBytes + (long) (position / outWidth) * rowStride
                + (long) (position % outWidth) * colStride;
    }

    /** Element {@code kk} of row {@code i} (0..255). */
    public int at(int i, int kk) {
        return data[Math.toIntExact(start(i) + (long) (kk / runBytes) * kernelRowStep + kk % runBytes)] & 0xFF;
    }

    /** Throws unless every byte the first {@code m} rows read, and {@link #SLACK} more, lie inside {@code data}. */
    void check(int m, Int8Weights b) {
        if (b.k() != k()) {
            throw new IllegalArgumentException("expected weights of k = " + k() + " for these patches, found " + b.k());
        }
        if (m <= 0) return;
        // with non-negative strides the furthest patch is the last row, the end of the output row before it or
        // the last position of the image before it
        int last = m - 1;
        int ow = (last % outPositions) % outWidth;
        long lastRun = (long) (kernelRows - 1) * kernelRowStep + runBytes;
        long end = start(last);
        if ((last % outPositions) - ow - 1 >= 0) end = Math.max(end, start(last - ow - 1));
        if (last >= outPositions) end = Math.max(end, start(last - last % outPositions - 1));
        end += lastRun + SLACK;
        if (end > data.length) {
            throw new IndexOutOfBoundsException("expected the patches of " + m + " rows to lie within byte["
                    + data.length + "], they reach " + end);
        }
    }
}
