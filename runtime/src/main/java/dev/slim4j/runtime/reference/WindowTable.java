package dev.slim4j.runtime.reference;

import dev.slim4j.ir.op.SlidingWindow;
import java.util.List;

/**
 * For every (output position, kernel offset) pair of a sliding window over the spatial axes, the
 * flat spatial index of the input position it reads, or {@link #PADDING} / {@link #OUTSIDE} when
 * that position lies in the padding / beyond it (a ceil-mode overhang). Convolution, its
 * transpose and the pools all walk this one table.
 */
final class WindowTable {
    static final int PADDING = -1;
    static final int OUTSIDE = -2;

    final int outputSize;
    final int kernelSize;
    final int inputSize;
    private final int[] index;

    private WindowTable(int outputSize, int kernelSize, int inputSize, int[] index) {
        this.outputSize = outputSize;
        this.kernelSize = kernelSize;
        this.inputSize = inputSize;
        this.index = index;
    }

    /** The input index read by output position {@code o} at kernel offset {@code k}, or a negative marker. */
    int at(int o, int k) { return index[o * kernelSize + k]; }

    static WindowTable build(int[] input, int[] kernel, SlidingWindow window, List<SlidingWindow.Axis> axes) {
        int rank = input.length;
        int[] output = new int[rank];
        long[] padBegin = new long[rank];
        long[] padEnd = new long[rank];
        long[] strides = new long[rank];
        long[] dilations = new long[rank];
        for (int a = 0; a < rank; a++) {
            output[a] = Math.toIntExact(axes.get(a).output());
            padBegin[a] = axes.get(a).padBegin();
            padEnd[a] = axes.get(a).padEnd();
            strides[a] = window.stride(a);
            dilations[a] = window.dilation(a);
        }
        return build(input, output, kernel, strides, dilations, padBegin, padEnd);
    }

    static WindowTable build(int[] input, int[] output, int[] kernel, long[] strides, long[] dilations,
                             long[] padBegin, long[] padEnd) {
        int outSize = product(output);
        int kSize = product(kernel);
        int[] index = new int[Math.multiplyExact(outSize, kSize)];
        int[] oc = new int[input.length];
        int[] kc = new int[input.length];
        for (int o = 0; o < outSize; o++) {
            unravel(o, output, oc);
            for (int k = 0; k < kSize; k++) {
                unravel(k, kernel, kc);
                index[o * kSize + k] = locate(input, oc, kc, strides, dilations, padBegin, padEnd);
            }
        }
        return new WindowTable(outSize, kSize, product(input), index);
    }

    private static int locate(int[] input, int[] oc, int[] kc, long[] strides, long[] dilations, long[] padBegin,
                              long[] padEnd) {
        int flat = 0;
        boolean padding = false;
        boolean outside = false;
        for (int a = 0; a < input.length; a++) {
            long p = oc[a] * strides[a] - padBegin[a] + kc[a] * dilations[a];
            if (p >= 0 && p < input[a]) flat = flat * input[a] + (int) p;
            else if (p >= -padBegin[a] && p < input[a] + padEnd[a]) padding = true;
            else outside = true;
        }
        if (outside) return OUTSIDE;
        return padding ? PADDING : flat;
    }

    /** Row-major coordinates of flat index {@code i} in {@code dims}. */
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
}
