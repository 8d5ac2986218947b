package dev.slim4j.runtime.reference;

import dev.slim4j.ir.op.SlidingWindow;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.ShapeException;
import java.util.List;

/**
 * The sizes of an N-D grouped convolution of X [N, C, D...] with W [M, C/group, k...], and for each
 * (output position, kernel offset) pair the flat spatial index of the input it reads, or -1 in the
 * padding. Used by the integer convolutions.
 */
record ConvGeometry(int batch, int inChannels, int outChannels, int group, int inputSize, int kernelSize,
                    int outputSize, Shape output, int[] table) {
    static ConvGeometry of(String op, Shape x, Shape w, SlidingWindow window, long group) {
        if (x.rank() < 3 || w.rank() != x.rank()) {
            throw new ShapeException(op + ": expected X [N, C, spatial...] and W of the same rank >= 3, found X " + x
                    + " and W " + w);
        }
        int g = Math.toIntExact(group);
        if (x.dim(1) != w.dim(1) * g || w.dim(0) % g != 0) {
            throw new ShapeException(op + ": expected X channels " + x.dim(1) + " = W.shape[1] * group " + g
                    + " and W.shape[0] divisible by group, found W " + w);
        }
        int rank = x.rank() - 2;
        long[] in = new long[rank];
        long[] kernel = new long[rank];
        for (int a = 0; a < rank; a++) {
            in[a] = x.dim(a + 2);
            kernel[a] = w.dim(a + 2);
            if (!window.kernelShape().isEmpty() && window.kernelShape().get(a) != kernel[a]) {
                throw new ShapeException(op + ": kernel_shape " + window.kernelShape() + " does not match W " + w);
            }
        }
        List<SlidingWindow.Axis> axes = window.resolve(in, kernel);
        int[] out = new int[rank + 2];
        out[0] = x.dim(0);
        out[1] = w.dim(0);
        for (int a = 0; a < rank; a++) out[a + 2] = Math.toIntExact(axes.get(a).output());
        Shape outShape = Shape.of(out);
        int kernelSize = Math.toIntExact(w.sizeBetween(2, w.rank()));
        int outputSize = Math.toIntExact(outShape.sizeBetween(2, rank + 2));
        int[] table = table(in, kernel, axes, window, outputSize, kernelSize);
        return new ConvGeometry(x.dim(0), x.dim(1), w.dim(0), g, Math.toIntExact(x.sizeBetween(2, x.rank())),
                kernelSize, outputSize, outShape, table);
    }

    /** The flat spatial input index read by output position {@code o} at kernel offset {@code k}, or -1. */
    int inputIndex(int o, int k) { return table[o * kernelSize + k]; }

    private static int[] table(long[] in, long[] kernel, List<SlidingWindow.Axis> axes, SlidingWindow window,
                               int outputSize, int kernelSize) {
        int rank = in.length;
        int[] table = new int[Math.multiplyExact(outputSize, kernelSize)];
        long[] oc = new long[rank];
        long[] kc = new long[rank];
        long[] outDims = axes.stream().mapToLong(SlidingWindow.Axis::output).toArray();
        for (int o = 0; o < outputSize; o++) {
            coordinates(o, outDims, oc);
            for (int k = 0; k < kernelSize; k++) {
                coordinates(k, kernel, kc);
                int flat = 0;
                for (int a = 0; a < rank && flat >= 0; a++) {
                    long p = oc[a] * window.stride(a) - axes.get(a).padBegin() + kc[a] * window.dilation(a);
                    flat = p >= 0 && p < in[a] ? (int) (flat * in[a] + p) : -1;
                }
                table[o * kernelSize + k] = flat;
            }
        }
        return table;
    }

    /** Row-major coordinates of flat index {@code i} in {@code dims}. */
    private static void coordinates(long i, long[] dims, long[] out) {
        for (int a = dims.length - 1; a >= 0; a--) {
            out[a] = i % dims[a];
            i /= dims[a];
        }
    }
}
