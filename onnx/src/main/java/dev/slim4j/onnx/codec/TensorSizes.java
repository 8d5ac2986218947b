package dev.slim4j.onnx.codec;

import dev.slim4j.onnx.ModelFormatException;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import java.util.Arrays;

/** Checks of declared tensor sizes, done before any storage is allocated or mapped. */
final class TensorSizes {
    /** Most elements one tensor may have (the limit of one Java array). */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private TensorSizes() {}

    static Shape shape(String what, long[] dims) {
        long n = 1;
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] < 0) {
                throw new ModelFormatException(what + ": dim " + i + " is " + dims[i] + ", expected >= 0 in " + Arrays.toString(dims));
            }
            if (dims[i] > MAX_ELEMENTS) {
                throw new ModelFormatException(what + ": dim " + i + " is " + dims[i] + ", expected at most " + MAX_ELEMENTS);
            }
            n = dims[i] == 0 ? 0 : n;
        }
        for (long d : dims) {
            if (n == 0) break;
            if (d != 0 && n > MAX_ELEMENTS / d) {
                throw new ModelFormatException(what + ": dims " + Arrays.toString(dims) + " give more than "
                        + MAX_ELEMENTS + " elements");
            }
            n *= d;
        }
        return Shape.ofLongs(dims);
    }

    static long bytes(String what, DType dtype, Shape shape) { return shape.size() * dtype.byteSize(); }

    static String supported() {
        return Arrays.stream(DType.values()).filter(DType::isStorable).map(t -> t.name() + "(" + t.onnxCode() + ")").toList().toString();
    }
}
