package dev.slim4j.train.grad;

import dev.slim4j.ir.op.SlidingWindow;
import java.util.List;

/**
 * For each (output position, kernel offset) of a sliding window over the spatial axes, the flat
 * spatial index of the input element it reads, or {@link #PADDING} (inside the pads) or
 * {@link #OUTSIDE} (a ceil-mode overhang beyond them). The same table as the reference ops walk.
 */
final class Window {
    static final int PADDING = -1;
    static final int OUTSIDE = -2;

    final int outputSize;
    final int kernelSize;
    final int inputSize;
    private final int[] index;

    private Window(int outputSize, int kernelSize, int inputSize, int[] index) {
        this.outputSize = outputSize;
        this.kernelSize = kernelSize;
        this.inputSize = inputSize;
        this.index = index;
    }

    int at(int o, int k) { return index[o * kernelSize + k]; }

    /** The table for input spatial dims {@code input} and kernel dims {@code kernel} under {@code window}. */
    static Window of(int[] input, int[] kernel, SlidingWindow window) {
        int rank = input.length;
        List<SlidingWindow.Axis> axes = window.resolve(longs(input), longs(kernel));
        int[] output = new int[rank];
        for (int a = 0; a < rank; a++) output[a] = Math.toIntExact(axes.get(a).output());
        int outSize = product(output);
        int kSize = product(kernel);
        int[] index = new int[outSize * kSize];
        int[] oc = new int[rank];
        int[] kc = new int[rank];
        for (int o = 0; o < outSize; o++) {
            unravel(o, output, oc);
            for (int k = 0; k < kSize; k++) {
                unravel(k, kernel, kc);
                index[o * kSize + k] = locate(input, oc, kc, window, axes);
            }
        }
        return new Window(outSize, kSize, product(input), index);
    }

    private static int locate(int[] input, int[] oc, int[] kc, SlidingWindow w, List<SlidingWindow.Axis> axes) {
        int flat = 0;
        int marker = 0;
        for (int a = 0; a < input.length; a++) {
            long begin = axes.get(a).padBegin();
            long p = oc[a] * w.stride(a) - begin + kc[a] * w.dilation(a);
            if (p >= 0 && p < input[a]) flat = flat * input[a] + (int) p;
            else if (p >= -begin && p < input[a] + axes.get(a).padEnd()) marker = Math.min(marker, PADDING);
            else marker = OUTSIDE;
        }
        return marker < 0 ? marker : flat;
    }

    static void unravel(int i, int[] dims, int[] coords) {
        for (int a = dims.length - 1; a >= 0; a--) {
            coords[a] = i % dims[a];
            i /= dims[a];
        }
    }

    static int product(int[] dims) {
        int n = 1;
        for (int d : dims) n = Math.multiplyExact(n, d);
        return n;
    }

    static long[] longs(int[] v) {
        long[] l = new long[v.length];
        for (int i = 0; i < v.length; i++) l[i] = v[i];
        return l;
    }

    /** Dims from index {@code from} of {@code dims} on. */
    static int[] tail(int[] dims, int from) { return java.util.Arrays.copyOfRange(dims, from, dims.length); }
}
