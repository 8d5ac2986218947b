package dev.slim4j.kernels;

/** The executable specification of {@link Pooling}: direct loops over each window, float accumulation. */
public final class ScalarPooling implements Pooling {

    @Override
    public String name() {
        return "scalar-pooling";
    }

    @Override
    public void maxPool(PoolGeometry g, float[] x, int xOff, float[] y, int yOff, Parallelism parallelism) {
        Pooling.check(g, x, xOff, y, yOff);
        for (int plane = 0; plane < g.planes(); plane++) {
            int xPlane = xOff + plane * g.height() * g.width();
            for (int oh = 0; oh < g.outHeight(); oh++) {
                for (int ow = 0; ow < g.outWidth(); ow++) {
                    y[yOff + (plane * g.outHeight() + oh) * g.outWidth() + ow] = maxAt(g, x, xPlane, oh, ow);
                }
            }
        }
    }

    @Override
    public void averagePool(PoolGeometry g, boolean countIncludePad, float[] x, int xOff, float[] y, int yOff,
                            Parallelism parallelism) {
        Pooling.check(g, x, xOff, y, yOff);
        for (int plane = 0; plane < g.planes(); plane++) {
            int xPlane = xOff + plane * g.height() * g.width();
            for (int oh = 0; oh < g.outHeight(); oh++) {
                for (int ow = 0; ow < g.outWidth(); ow++) {
                    y[yOff + (plane * g.outHeight() + oh) * g.outWidth() + ow] =
                            averageAt(g, countIncludePad, x, xPlane, oh, ow);
                }
            }
        }
    }

    /** MaxPool output (oh, ow) of the plane at {@code x[xPlane]}. */
    static float maxAt(PoolGeometry g, float[] x, int xPlane, int oh, int ow) {
        float max = -Float.MAX_VALUE;
        for (int kh = 0; kh < g.kernelH(); kh++) {
            int ih = oh * g.strideH() - g.padTop() + kh * g.dilationH();
            for (int kw = 0; kw < g.kernelW(); kw++) {
                int iw = ow * g.strideW() - g.padLeft() + kw * g.dilationW();
                if (ih >= 0 && ih < g.height() && iw >= 0 && iw < g.width()) {
                    max = Math.max(max, x[xPlane + ih * g.width() + iw]);
                }
            }
        }
        return max;
    }

    /** AveragePool output (oh, ow) of the plane at {@code x[xPlane]}. */
    static float averageAt(PoolGeometry g, boolean countIncludePad, float[] x, int xPlane, int oh, int ow) {
        float sum = 0f;
        int count = 0;
        for (int kh = 0; kh < g.kernelH(); kh++) {
            int ih = oh * g.strideH() - g.padTop() + kh * g.dilationH();
            for (int kw = 0; kw < g.kernelW(); kw++) {
                int iw = ow * g.strideW() - g.padLeft() + kw * g.dilationW();
                boolean inside = ih >= 0 && ih < g.height() && iw >= 0 && iw < g.width();
                if (inside) {
                    sum += x[xPlane + ih * g.width() + iw];
                }
                if (inside || countIncludePad && ih < g.height() + g.padBottom() && iw < g.width() + g.padRight()) {
                    count++;
                }
            }
        }
        return count == 0 ? 0f : sum / count;
    }

    @Override
    public void globalAveragePool(int planes, int spatial, float[] x, int xOff, float[] y, int yOff) {
        Pooling.checkGlobal(planes, spatial, x, xOff, y, yOff);
        for (int p = 0; p < planes; p++) {
            float sum = 0f;
            for (int i = 0; i < spatial; i++) {
                sum += x[xOff + p * spatial + i];
            }
            y[yOff + p] = sum / spatial;
        }
    }

    @Override
    public void globalMaxPool(int planes, int spatial, float[] x, int xOff, float[] y, int yOff) {
        Pooling.checkGlobal(planes, spatial, x, xOff, y, yOff);
        for (int p = 0; p < planes; p++) {
            float max = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < spatial; i++) {
                max = Math.max(max, x[xOff + p * spatial + i]);
            }
            y[yOff + p] = max;
        }
    }
}
