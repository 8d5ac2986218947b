package dev.slim4j.kernels;

import java.util.Arrays;

/**
 * Where {@link DirectConv} puts a convolution's input, and where every filter tap reads it. The padded input of a
 * chunk of images is split into its stride phases: phase (a, b) holds padded element (a + sH*i, b + sW*j) at grid
 * point (i, j) of a {@code gridH x gridW} grid, and the grids of the chunk's images follow each other. Output
 * (oh, ow) of image n then sits at grid position {@code q = n*gridH*gridW + oh*gridW + ow}, and filter tap
 * (c, kh, kw) reads every output position at the same distance: {@code input[q + offsets[k]]}. So a block of
 * consecutive positions is a block of consecutive floats for every tap, whatever the stride, padding or dilation;
 * grid points outside the output (right and bottom margins) are computed and thrown away.
 *
 * @param chunkImages images laid out side by side and computed together
 * @param positions output positions per chunk, a whole number of {@code block}s
 * @param planeStride floats of one phase plane: the positions and the slack the last block's taps read past them
 * @param phases the stride phases some tap reads, as {@code a * strideW + b}
 * @param offsets per filter tap, in the weights' (c, kh, kw) order: where it reads, relative to the position
 */
record DirectConvLayout(ConvGeometry g, int gridH, int gridW, int chunkImages, int positions, int planeStride,
                        int[] phases, int[] offsets) {
    /** Positions of the input in one chunk that {@link #of} aims for: enough for whole blocks to fill. */
    static final int TARGET_POSITIONS = 1024;

    static DirectConvLayout of(ConvGeometry g, int block) {
        int paddedH = g.padTop() + g.height() + g.padBottom();
        int paddedW = g.padLeft() + g.width() + g.padRight();
        int gridH = Math.ceilDiv(paddedH, g.strideH());
        int gridW = Math.ceilDiv(paddedW, g.strideW());
        int perImage = gridH * gridW;
        int chunk = Math.max(1, Math.min(Math.max(1, g.batch()), TARGET_POSITIONS / perImage));
        int positions = Math.ceilDiv(chunk * perImage, block) * block;
        int[] phaseOf = new int[g.strideH() * g.strideW()];
        Arrays.fill(phaseOf, -1);
        int used = 0;
        int maxShift = 0;
        for (int kh = 0; kh < g.kernelH(); kh++) {
            for (int kw = 0; kw < g.kernelW(); kw++) {
                int phase = (kh * g.dilationH() % g.strideH()) * g.strideW() + kw * g.dilationW() % g.strideW();
                if (phaseOf[phase] < 0) phaseOf[phase] = used++;
                maxShift = Math.max(maxShift, shift(g, gridW, kh, kw));
            }
        }
        int[] phases = new int[used];
        for (int phase = 0; phase < phaseOf.length; phase++) {
            if (phaseOf[phase] >= 0) phases[phaseOf[phase]] = phase;
        }
        int planeStride = positions + maxShift;
        int taps = g.kernelH() * g.kernelW();
        int[] offsets = new int[g.channels() * taps];
        for (int c = 0; c < g.channels(); c++) {
            for (int kh = 0; kh < g.kernelH(); kh++) {
                for (int kw = 0; kw < g.kernelW(); kw++) {
                    int phase = (kh * g.dilationH() % g.strideH()) * g.strideW() + kw * g.dilationW() % g.strideW();
                    offsets[c * taps + kh * g.kernelW() + kw] = (c * used + phaseOf[phase]) * planeStride
                            + shift(g, gridW, kh, kw);
                }
            }
        }
        return new DirectConvLayout(g, gridH, gridW, chunk, positions, planeStride, phases, offsets);
    }

    private static int shift(ConvGeometry g, int gridW, int kh, int kw) {
        return kh * g.dilationH() / g.strideH() * gridW + kw * g.dilationW() / g.strideW();
    }

    /** Floats of the laid-out input of one chunk. */
    int inputFloats() {
        return g.channels() * phases.length * planeStride;
    }

    /** Grid points of one image. */
    int imagePositions() {
        return gridH * gridW;
    }

    /**
     * Lays out channels {@code [c0, c1)} of images {@code [n0, n0 + count)} ({@code count <= chunkImages}) at
     * {@code dst[dstOff]}: every grid point of every used phase, zero where it falls in the padding.
     */
    void pack(float[] x, int xOff, int n0, int count, int c0, int c1, float[] dst, int dstOff) {
        int h = g.height();
        int w = g.width();
        int sh = g.strideH();
        int sw = g.strideW();
        for (int c = c0; c < c1; c++) {
            for (int p = 0; p < phases.length; p++) {
                int a = phases[p] / sw;
                int b = phases[p] % sw;
                int plane = dstOff + (c * phases.length + p) * planeStride;
                for (int n = 0; n < count; n++) {
                    int src = xOff + ((n0 + n) * g.channels() + c) * h * w;
                    int grid = plane + n * imagePositions();
                    for (int i = 0; i < gridH; i++) {
                        int row = a + sh * i - g.padTop();
                        int d = grid + i * gridW;
                        if (row < 0 || row >= h) {
                            Arrays.fill(dst, d, d + gridW, 0f);
                        } else if (sw == 1) {
                            copyRow(x, src + row * w, dst, d, b - g.padLeft());
                        } else {
                            gatherRow(x, src + row * w, dst, d, b - g.padLeft(), sw);
                        }
                    }
                }
            }
        }
    }

    /** Grid row at {@code d}: input column {@code j + first} at grid point j, zero outside the row. */
    private void copyRow(float[] x, int rowStart, float[] dst, int d, int first) {
        int w = g.width();
        int lo = Math.min(gridW, Math.max(0, -first));
        int hi = Math.max(lo, Math.min(gridW, w - first));
        Arrays.fill(dst, d, d + lo, 0f);
        System.arraycopy(x, rowStart + first + lo, dst, d + lo, hi - lo);
        Arrays.fill(dst, d + hi, d + gridW, 0f);
    }

    /** Grid row at {@code d}: input column {@code first + stride*j} at grid point j, zero outside the row. */
    private void gatherRow(float[] x, int rowStart, float[] dst, int d, int first, int stride) {
        int w = g.width();
        for (int j = 0; j < gridW; j++) {
            int col = first + stride * j;
            dst[d + j] = col >= 0 && col < w ? x[rowStart + col] : 0f;
        }
    }
}
