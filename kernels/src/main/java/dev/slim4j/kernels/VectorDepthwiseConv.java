package dev.slim4j.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * {@link DepthwiseConv} vectorized along the output width. Each input plane is copied into a zero-padded
 * stride-phase {@link PaddedPlane}, so the taps of consecutive outputs are contiguous for any stride and every
 * output column, borders included, takes the vector path (the last vector of a row is masked). Planes are split
 * between threads.
 */
final class VectorDepthwiseConv implements DepthwiseConv {
    private static final int LANES = VectorKernelSupport.LANES;

    @Override
    public String name() {
        return "vector-depthwise(" + LANES + " lanes)";
    }

    @Override
    public void depthwise(ConvGeometry g, float[] x, int xOff, float[] w, int wOff, float[] bias, int biasOff,
                          float[] y, int yOff, Activation activation, float[] residual, int residualOff,
                          Parallelism parallelism) {
        DepthwiseConv.check(g, x, xOff, w, wOff, bias, biasOff, y, yOff, residual, residualOff);
        int planes = g.batch() * g.channels();
        int parts = PaddedPlane.parts(parallelism, planes, (long) g.outputSize() * g.kernelH() * g.kernelW());
        int paddedH = PaddedPlane.extent(g.padTop(), g.height(), g.padBottom(), g.outHeight(), g.strideH(),
                g.kernelH(), g.dilationH());
        int paddedW = PaddedPlane.extent(g.padLeft(), g.width(), g.padRight(), g.outWidth(), g.strideW(),
                g.kernelW(), g.dilationW());
        parallelism.run(parts, part -> {
            PaddedPlane rows = PaddedPlane.forThread(paddedH, paddedW, g.strideW());
            int from = (int) ((long) planes * part / parts);
            int to = (int) ((long) planes * (part + 1) / parts);
            for (int plane = from; plane < to; plane++) {
                rows.load(x, xOff + plane * g.height() * g.width(), g.height(), g.width(), g.padTop(),
                        g.padLeft(), 0f);
                plane(g, w, wOff, bias, biasOff, y, yOff, activation, residual, residualOff, plane, rows);
            }
        });
    }

    private static void plane(ConvGeometry g, float[] w, int wOff, float[] bias, int biasOff, float[] y, int yOff,
                              Activation act, float[] residual, int residualOff, int plane, PaddedPlane rows) {
        int c = plane % g.channels();
        float b = bias == null ? 0f : bias[biasOff + c];
        int wPlane = wOff + c * g.kernelH() * g.kernelW();
        int outH = g.outHeight();
        int outW = g.outWidth();
        boolean vectorAct = ActivationVector.vectorizable(act);
        for (int oh = 0; oh < outH; oh++) {
            int at = yOff + (plane * outH + oh) * outW;
            int rAt = residualOff + (plane * outH + oh) * outW;
            for (int ow = 0; ow < outW; ow += LANES) {
                VectorMask<Float> m = VectorKernelSupport.head(outW - ow);
                FloatVector acc = window(g, rows, w, wPlane, oh, ow).add(b);
                if (residual != null) {
                    acc = acc.add(FloatVector.fromArray(VectorKernelSupport.SPECIES, residual, rAt + ow, m));
                }
                (vectorAct ? ActivationVector.apply(act, acc) : acc).intoArray(y, at + ow, m);
            }
            if (!vectorAct) {
                act.applyScalar(y, at, at + outW);
            }
        }
    }

    /** Sum of the window taps for LANES outputs starting at column {@code ow} of row {@code oh}. */
    private static FloatVector window(ConvGeometry g, PaddedPlane rows, float[] w, int wPlane, int oh, int ow) {
        FloatVector acc = FloatVector.zero(VectorKernelSupport.SPECIES);
        float[] data = rows.data();
        int s = g.strideW();
        for (int kh = 0; kh < g.kernelH(); kh++) {
            int r = oh * g.strideH() + kh * g.dilationH();
            for (int kw = 0; kw < g.kernelW(); kw++) {
                int shift = kw * g.dilationW();
                int idx = rows.index(r, shift % s) + ow + shift / s;
                acc = FloatVector.fromArray(VectorKernelSupport.SPECIES, data, idx)
                        .fma(FloatVector.broadcast(VectorKernelSupport.SPECIES, w[wPlane + kh * g.kernelW() + kw]), acc);
            }
        }
        return acc;
    }
}
