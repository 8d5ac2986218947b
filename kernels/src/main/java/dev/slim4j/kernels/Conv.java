package dev.slim4j.kernels;

/**
 * 2-D convolution over NCHW float arrays (see {@link ConvGeometry}):
 * {@code y = activation(conv(x, w) + bias[outChannel] + residual)}. {@code bias} may be null (no bias);
 * {@code residual} may be null, otherwise it has y's layout ({@code g.outputSize()} floats from
 * {@code residualOff}) and must not overlap y.
 */
public interface Conv {

    String name();

    void conv2d(ConvGeometry g, float[] x, int xOff, float[] w, int wOff, float[] bias, int biasOff,
                float[] y, int yOff, Activation activation, float[] residual, int residualOff,
                Parallelism parallelism);

    /** Convolution with an optional fused ReLU and no residual. */
    default void conv2d(ConvGeometry g, float[] x, int xOff, float[] w, int wOff, float[] bias, int biasOff,
                        float[] y, int yOff, boolean relu, Parallelism parallelism) {
        conv2d(g, x, xOff, w, wOff, bias, biasOff, y, yOff, relu ? Activation.relu() : Activation.none(),
                null, 0, parallelism);
    }

    /** Throws when an array is too short for the geometry. */
    static void checkArrays(ConvGeometry g, float[] x, int xOff, float[] w, int wOff, float[] bias, int biasOff,
                            float[] y, int yOff) {
        checkExtent("x", x, xOff, g.inputSize());
        checkExtent("w", w, wOff, g.weightSize());
        checkExtent("y", y, yOff, g.outputSize());
        if (bias != null) {
            checkExtent("bias", bias, biasOff, g.outChannels());
        }
    }

    /** Throws when {@code data} does not hold {@code size} floats from {@code off}. */
    static void checkExtent(String name, float[] data, int off, int size) {
        if (data == null) {
            throw new NullPointerException(name);
        }
        if (off < 0 || off + (long) size > data.length) {
            throw new IndexOutOfBoundsException("expected " + name + " to hold " + size + " floats from offset "
                    + off + ", found float[" + data.length + "]");
        }
    }
}
