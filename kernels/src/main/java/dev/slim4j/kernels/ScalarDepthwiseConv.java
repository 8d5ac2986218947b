package dev.slim4j.kernels;

/** The executable specification of {@link DepthwiseConv}: direct loops, float accumulation in kernel order. */
public final class ScalarDepthwiseConv implements DepthwiseConv {

    @Override
    public String name() {
        return "scalar-depthwise";
    }

    @Override
    public void depthwise(ConvGeometry g, float[] x, int xOff, float[] w, int wOff, float[] bias, int biasOff,
                          float[] y, int yOff, Activation activation, float[] residual, int residualOff,
                          Parallelism parallelism) {
        DepthwiseConv.check(g, x, xOff, w, wOff, bias, biasOff, y, yOff, residual, residualOff);
        int outH = g.outHeight();
        int outW = g.outWidth();
        for (int plane = 0; plane < g.batch() * g.channels(); plane++) {
            int c = plane % g.channels();
            float b = bias == null ? 0f : bias[biasOff + c];
            int xPlane = xOff + plane * g.height() * g.width();
            int wPlane = wOff + c * g.kernelH() * g.kernelW();
            for (int oh = 0; oh < outH; oh++) {
                for (int ow = 0; ow < outW; ow++) {
                    int at = (plane * outH + oh) * outW + ow;
                    float v = window(g, x, xPlane, w, wPlane, oh, ow) + b;
                    if (residual != null) {
                        v += residual[residualOff + at];
                    }
                    y[yOff + at] = activation.apply(v);
                }
            }
        }
    }

    static float window(ConvGeometry g, float[] x, int xPlane, float[] w, int wPlane, int oh, int ow) {
        float sum = 0f;
        for (int kh = 0; kh < g.kernelH(); kh++) {
            int ih = oh * g.strideH() - g.padTop() + kh * g.dilationH();
            if (ih < 0 || ih >= g.height()) {
                continue;
            }
            for (int kw = 0; kw < g.kernelW(); kw++) {
                int iw = ow * g.strideW() - g.padLeft() + kw * g.dilationW();
                if (iw >= 0 && iw < g.width()) {
                    sum += x[xPlane + ih * g.width() + iw] * w[wPlane + kh * g.kernelW() + kw];
                }
            }
        }
        return sum;
    }
}
