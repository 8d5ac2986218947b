package dev.slim4j.kernels;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * One input plane copied into a padded, stride-phase layout so that every output of a sliding window (depthwise
 * convolution, pooling) reads whole vectors with no bounds checks: padded element (r, c), where r and c count
 * from the top-left corner of the padding, sits at {@code data[(r*stride + c % stride) * phaseLength + c / stride]}.
 * Each phase row has {@link #SLACK} spare elements so that the last vector of a row may run past the window.
 * The buffer is reused between planes; {@link #forThread} keeps one per thread, so steady-state calls allocate
 * nothing.
 */
final class PaddedPlane {
    static final int SLACK = VectorKernelSupport.LANES;
    private static final VectorMask<Float> EVEN_LANES = VectorMask.fromLong(VectorKernelSupport.SPECIES,
            0x5555_5555_5555_5555L);
    private static final ThreadLocal<PaddedPlane> CACHE = ThreadLocal.withInitial(PaddedPlane::new);

    private float[] data = new float[0];
    private int stride;
    private int phaseLength;
    private int rows;

    private PaddedPlane() {}

    /** This thread's plane, shaped for the window: {@code paddedH x paddedW} padded elements with stride s. */
    static PaddedPlane forThread(int paddedH, int paddedW, int stride) {
        PaddedPlane p = CACHE.get();
        p.stride = stride;
        p.rows = paddedH;
        p.phaseLength = Math.ceilDiv(paddedW, stride) + SLACK;
        int size = paddedH * stride * p.phaseLength;
        if (p.data.length < size) p.data = new float[size];
        return p;
    }

    /** Padded length of one axis: the input with its pads, or what the last window reaches if that is more. */
    static int extent(int padBegin, int size, int padEnd, int out, int stride, int kernel, int dilation) {
        return Math.max(padBegin + size + padEnd, (out - 1) * stride + (kernel - 1) * dilation + 1);
    }

    /** Threads worth using for {@code planes} planes and {@code taps} window taps in all (32K taps a thread). */
    static int parts(Parallelism parallelism, int planes, long taps) {
        return Math.min(parallelism.threads(), Math.max(1, (int) Math.min(planes, taps / (1 << 15))));
    }

    float[] data() {
        return data;
    }

    /** Index of padded element (r, c) for c = stride * u + q: add u to it. */
    int index(int r, int q) {
        return (r * stride + q) * phaseLength;
    }

    /** Stride 2: even and odd input columns of one row to their two phase rows, a vector at a time. */
    private void splitPairs(float[] x, int src, int width, int padLeft, int r) {
        int evenPhase = padLeft & 1;
        int even = index(r, evenPhase) + padLeft / 2;
        int odd = index(r, 1 - evenPhase) + (padLeft + 1) / 2;
        for (int i = 0; i < width; i += VectorKernelSupport.LANES) {
            int n = Math.min(VectorKernelSupport.LANES, width - i);
            FloatVector v = FloatVector.fromArray(VectorKernelSupport.SPECIES, x, src + i, VectorKernelSupport.head(n));
            v.compress(EVEN_LANES).intoArray(data, even + i / 2, VectorKernelSupport.head((n + 1) / 2));
            v.compress(EVEN_LANES.not()).intoArray(data, odd + i / 2, VectorKernelSupport.head(n / 2));
        }
    }

    /** Fills the padding with {@code padValue} and copies the {@code height x width} plane at {@code x[off]}. */
    void load(float[] x, int off, int height, int width, int padTop, int padLeft, float padValue) {
        Arrays.fill(data, 0, rows * stride * phaseLength, padValue);
        int s = stride;
        for (int ih = 0; ih < height; ih++) {
            int r = ih + padTop;
            int src = off + ih * width;
            if (s == 1) {
                System.arraycopy(x, src, data, index(r, 0) + padLeft, width);
                continue;
            }
            if (s == 2) {
                splitPairs(x, src, width, padLeft, r);
                continue;
            }
            for (int q = 0; q < s; q++) {
                // padded column c = iw + padLeft with c % s == q: iw = s*u + q - padLeft
                int first = Math.floorMod(q - padLeft, s);
                int dst = index(r, q) + (first + padLeft) / s;
                for (int iw = first, u = 0; iw < width; iw += s, u++) data[dst + u] = x[src + iw];
            }
        }
    }
}
