package dev.slim4j.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * {@link DepthwiseConv} vectorized along the output width. Each input plane is copied into a zero-padded
 * stride-phase {@link PaddedPlane}, so the taps of consecutive outputs are contiguous for any stride and every
 * output column, borders included, takes the vector path (the last vector of a row is masked). Planes are split
 * between threads. Small planes that would leave most lanes empty, or need a strided copy for a single vector
 * ({@link ChannelBlockedDepthwise#suits}), are vectorized across channels instead.
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
        if (ChannelBlockedDepthwise.suits(g)) {
            ChannelBlockedDepthwise.depthwise(g, x, xOff, w, wOff, bias, biasOff, y, yOff, activation, residual,
                    residualOff, parallelism);
            return;
        }
        int planes = g.batch() * g.channels();
        int parts = PaddedPlane.parts(parallelism, planes, (long) g.outputSize() * g.kernelH() * g.kernelW());
        int paddedH = PaddedPlane.extent(g.padTop(), g.height(), g.padBottom(), g.outHeight(), g.strideH(),
                g.kernelH(), g.dilationH());
        int paddedW = PaddedPlane.extent(g.padLeft(), g.width(), g.padRight(), g.outWidth(), g.strideW(),
                g.kernelW(), g.dilationW());
        parallelism.run(parts, part -> {
            PaddedPlane rows = PaddedPlane.forThread(paddedH, paddedW, g.strideW());
            int[] taps = tapOffsets(g, rows);
            int from = (int) ((long) planes * part / parts);
            int to = (int) ((long) planes * (part + 1) / parts);
            for (int plane = from; plane < to; plane++) {
                rows.load(x, xOff + plane * g.height() * g.width(), g.height(), g.width(), g.padTop(),
                        g.padLeft(), 0f);
                plane(g, w, wOff, bias, biasOff, y, yOff, activation, residual, residualOff, plane, rows, taps);
            }
        });
    }

    private static void plane(ConvGeometry g, float[] w, int wOff, float[] bias, int biasOff, float[] y, int yOff,
                              Activation act, float[] residual, int residualOff, int plane, PaddedPlane rows,
                              int[] taps) {
        int c = plane % g.channels();
        float b = bias == null ? 0f : bias[biasOff + c];
        int wPlane = wOff + c * g.kernelH() * g.kernelW();
        int outH = g.outHeight();
        int outW = g.outWidth();
        int rowStep = rows.index(g.strideH(), 0);
        float[] data = rows.data();
        boolean vectorAct = ActivationVector.vectorizable(act);
        int oh = 0;
        // four output rows at a time: four independent FMA chains sharing each weight broadcast
        for (; oh + 4 <= outH; oh += 4) {
            for (int ow = 0; ow < outW; ow += LANES) {
                FloatVector a0 = FloatVector.zero(VectorKernelSupport.SPECIES);
                FloatVector a1 = a0;
                FloatVector a2 = a0;
                FloatVector a3 = a0;
                int base = oh * rowStep + ow;
                for (int t = 0; t < taps.length; t++) {
                    FloatVector wt = FloatVector.broadcast(VectorKernelSupport.SPECIES, w[wPlane + t]);
                    int at = base + taps[t];
                    a0 = FloatVector.fromArray(VectorKernelSupport.SPECIES, data, at).fma(wt, a0);
                    a1 = FloatVector.fromArray(VectorKernelSupport.SPECIES, data, at + rowStep).fma(wt, a1);
                    a2 = FloatVector.fromArray(VectorKernelSupport.SPECIES, data, at + 2 * rowStep).fma(wt, a2);
                    a3 = FloatVector.fromArray(VectorKernelSupport.SPECIES, data, at + 3 * rowStep).fma(wt, a3);
                }
                store(a0, b, y, yOff, residual, residualOff, act, vectorAct, plane, oh, ow, g);
                store(a1, b, y, yOff, residual, residualOff, act, vectorAct, plane, oh + 1, ow, g);
                store(a2, b, y, yOff, residual, residualOff, act, vectorAct, plane, oh + 2, ow, g);
                store(a3, b, y, yOff, residual, residualOff, act, vectorAct, plane, oh + 3, ow, g);
            }
        }
        for (; oh < outH; oh++) {
            for (int ow = 0; ow < outW; ow += LANES) {
                FloatVector a0 = FloatVector.zero(VectorKernelSupport.SPECIES);
                int base = oh * rowStep + ow;
                for (int t = 0; t < taps.length; t++) {
                    a0 = FloatVector.fromArray(VectorKernelSupport.SPECIES, data, base + taps[t])
                            .fma(FloatVector.broadcast(VectorKernelSupport.SPECIES, w[wPlane + t]), a0);
                }
                store(a0, b, y, yOff, residual, residualOff, act, vectorAct, plane, oh, ow, g);
            }
        }
        if (!vectorAct) {
            int at = yOff + plane * outH * outW;
            act.applyScalar(y, at, at + outH * outW);
        }
    }

    /** Bias, residual and (if vectorizable) the activation on one vector of output row {@code oh}, then stored. */
    private static void store(FloatVector acc, float b, float[] y, int yOff, float[] residual, int residualOff,
                              Activation act, boolean vectorAct, int plane, int oh, int ow, ConvGeometry g) {
        int outW = g.outWidth();
        int row = (plane * g.outHeight() + oh) * outW + ow;
        VectorMask<Float> m = VectorKernelSupport.head(outW - ow);
        FloatVector v = acc.add(b);
        if (residual != null) {
            v = v.add(FloatVector.fromArray(VectorKernelSupport.SPECIES, residual, residualOff + row, m));
        }
        (vectorAct ? ActivationVector.apply(act, v) : v).intoArray(y, yOff + row, m);
    }

    /** Offset in the padded plane of each window tap (row-major) from the window of output (0, 0). */
    private static int[] tapOffsets(ConvGeometry g, PaddedPlane rows) {
        int s = g.strideW();
        int[] taps = new int[g.kernelH() * g.kernelW()];
        for (int kh = 0; kh < g.kernelH(); kh++) {
            for (int kw = 0; kw < g.kernelW(); kw++) {
                int shift = kw * g.dilationW();
                taps[kh * g.kernelW() + kw] = rows.index(kh * g.dilationH(), shift % s) + shift / s;
            }
        }
        return taps;
    }
}
