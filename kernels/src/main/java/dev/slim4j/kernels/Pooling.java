package dev.slim4j.kernels;

/**
 * 2-D pooling over NCHW floats (see {@link PoolGeometry}) and global pooling over {@code planes x spatial}.
 * MaxPool ignores padding (a window with no input element gives {@code -Float.MAX_VALUE}, as ONNX Runtime does).
 * AveragePool divides by the number of taps inside the input, or with {@code countIncludePad} by the number of
 * taps inside the padded input {@code [-padTop, height + padBottom)} (taps past the explicit pads, possible in
 * ceil mode, are never counted); a window with nothing to count gives 0.
 */
public interface Pooling {

    String name();

    void maxPool(PoolGeometry g, float[] x, int xOff, float[] y, int yOff, Parallelism parallelism);

    void averagePool(PoolGeometry g, boolean countIncludePad, float[] x, int xOff, float[] y, int yOff,
                     Parallelism parallelism);

    /** {@code y[p] = mean of x[p*spatial .. (p+1)*spatial)} for each of {@code planes} planes. */
    void globalAveragePool(int planes, int spatial, float[] x, int xOff, float[] y, int yOff);

    /** {@code y[p] = max of x[p*spatial .. (p+1)*spatial)} for each of {@code planes} planes. */
    void globalMaxPool(int planes, int spatial, float[] x, int xOff, float[] y, int yOff);

    /** Throws when an array is too short for the geometry. */
    static void check(PoolGeometry g, float[] x, int xOff, float[] y, int yOff) {
        Conv.checkExtent("x", x, xOff, g.inputSize());
        Conv.checkExtent("y", y, yOff, g.outputSize());
    }

    /** Throws when an array is too short for global pooling. */
    static void checkGlobal(int planes, int spatial, float[] x, int xOff, float[] y, int yOff) {
        if (planes < 0 || spatial < 1) {
            throw new IllegalArgumentException("expected planes >= 0 and spatial >= 1, found " + planes + ", "
                    + spatial);
        }
        Conv.checkExtent("x", x, xOff, planes * spatial);
        Conv.checkExtent("y", y, yOff, planes);
    }
}
