package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.ShapeException;
import java.util.List;

/** Reading and writing the window attributes (auto_pad, dilations, kernel_shape, pads, strides) shared by Conv-like ops. */
final class WindowAttributes {
    private WindowAttributes() {}

    static Attributes.Builder put(Attributes.Builder b, AutoPad autoPad, List<Long> dilations, List<Long> kernelShape,
                                  List<Long> pads, List<Long> strides) {
        if (autoPad != AutoPad.NOTSET) b.put("auto_pad", autoPad.name());
        putIfPresent(b, "dilations", dilations);
        putIfPresent(b, "kernel_shape", kernelShape);
        putIfPresent(b, "pads", pads);
        putIfPresent(b, "strides", strides);
        return b;
    }

    static void putIfPresent(Attributes.Builder b, String name, List<Long> values) {
        if (!values.isEmpty()) b.putInts(name, values);
    }

    /** Rank of X minus the batch and channel axes; fails when X has fewer than 3 dims. */
    static int spatialRank(String op, TensorType x) {
        if (x.rank() < 3) {
            throw new ShapeException(op + ": expected X of rank >= 3 [N, C, spatial...], found " + x);
        }
        return x.rank() - 2;
    }

    static void checkSameRank(String op, TensorType x, TensorType w) {
        if (w.hasRank() && w.rank() != x.rank()) {
            throw new ShapeException(op + ": expected W of rank " + x.rank() + " like X, found " + w);
        }
    }

    /** Kernel sizes from kernel_shape, else from W's spatial dims; -1 where unknown. */
    static long[] kernel(List<Long> kernelShape, TensorType w, int spatial) {
        if (!kernelShape.isEmpty() && kernelShape.size() != spatial) {
            throw new ShapeException("expected " + spatial + " values in kernel_shape, found " + kernelShape);
        }
        long[] k = new long[spatial];
        for (int i = 0; i < spatial; i++) {
            if (!kernelShape.isEmpty()) k[i] = kernelShape.get(i);
            else k[i] = w.hasRank() && w.dim(i + 2).isFixed() ? w.dim(i + 2).size() : -1;
        }
        return k;
    }
}
