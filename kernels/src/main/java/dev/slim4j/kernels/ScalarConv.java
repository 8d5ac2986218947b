package dev.slim4j.kernels;

/** The executable specification of {@link Conv}: direct nested loops, float accumulation. Single-threaded. */
public final class ScalarConv implements Conv {

    @Override
    public String name() {
        return "scalar-direct";
    }

    @Override
    public void conv2d(ConvGeometry g, float[] x, int xOff, float[] w, int wOff, float[] bias, int biasOff,
                       float[] y, int yOff, Activation activation, float[] residual, int residualOff,
                       Parallelism parallelism) {
        Conv.checkArrays(g, x, xOff, w, wOff, bias, biasOff, y, yOff);
        if (residual != null) {
            Conv.checkExtent("residual", residual, residualOff, g.outputSize());
        }
        int outH = g.outHeight();
        int outW = g.outWidth();
        for (int n = 0; n < g.batch(); n++) {
            for (int oc = 0; oc < g.outChannels(); oc++) {
                float b = bias == null ? 0f : bias[biasOff + oc];
                for (int oh = 0; oh < outH; oh++) {
                    for (int ow = 0; ow < outW; ow++) {
                        int at = ((n * g.outChannels() + oc) * outH + oh) * outW + ow;
                        float v = dot(g, x, xOff, w, wOff, n, oc, oh, ow) + b;
                        if (residual != null) {
                            v += residual[residualOff + at];
                        }
                        y[yOff + at] = activation.apply(v);
                    }
                }
            }
        }
    }

    /** One output element before bias: the filter of {@code oc} against its receptive field. */
    private static float dot(ConvGeometry g, float[] x, int xOff, float[] w, int wOff, int n, int oc, int oh, int ow) {
        int cg = g.groupChannels();
        int firstChannel = oc / g.groupOutChannels() * cg;
        float sum = 0f;
        for (int c = 0; c < cg; c++) {
            for (int kh = 0; kh < g.kernelH(); kh++) {
                int ih = oh * g.strideH() - g.padTop() + kh * g.dilationH();
                if (ih < 0 || ih >= g.height()) {
                    continue;
                }
                for (int kw = 0; kw < g.kernelW(); kw++) {
                    int iw = ow * g.strideW() - g.padLeft() + kw * g.dilationW();
                    if (iw < 0 || iw >= g.width()) {
                        continue;
                    }
                    float xv = x[xOff + ((n * g.channels() + firstChannel + c) * g.height() + ih) * g.width() + iw];
                    float wv = w[wOff + ((oc * cg + c) * g.kernelH() + kh) * g.kernelW() + kw];
                    sum += xv * wv;
                }
            }
        }
        return sum;
    }
}
