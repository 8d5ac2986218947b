package dev.slim4j.kernels;

/**
 * Depthwise 2-D convolution over NCHW floats: {@code groups == channels == outChannels} (multiplier 1), any
 * kernel size, strides, pads and dilations; weights {@code channels x 1 x kernelH x kernelW}. Output
 * {@code y = activation(conv + bias[c] + residual)}, bias and residual optional (null) as in {@link Conv}.
 */
public interface DepthwiseConv {

    String name();

    void depthwise(ConvGeometry g, float[] x, int xOff, float[] w, int wOff, float[] bias, int biasOff,
                   float[] y, int yOff, Activation activation, float[] residual, int residualOff,
                   Parallelism parallelism);

    /** Whether {@code g} is a depthwise convolution with multiplier 1. */
    static boolean supports(ConvGeometry g) {
        return g.groups() == g.channels() && g.outChannels() == g.channels();
    }

    /** Throws unless {@code g} is depthwise and the arrays fit it. */
    static void check(ConvGeometry g, float[] x, int xOff, float[] w, int wOff, float[] bias, int biasOff,
                      float[] y, int yOff, float[] residual, int residualOff) {
        if (!supports(g)) {
            throw new IllegalArgumentException("expected a depthwise geometry (groups == channels == outChannels),"
                    + " found groups " + g.groups() + ", channels " + g.channels() + ", outChannels "
                    + g.outChannels());
        }
        Conv.checkArrays(g, x, xOff, w, wOff, bias, biasOff, y, yOff);
        if (residual != null) {
            Conv.checkExtent("residual", residual, residualOff, g.outputSize());
        }
    }
}
