package dev.slim4j.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DepthwiseConv} vectorized along the output width. Each input row is read as {@code stride} phases
 * (column {@code s*u + q} at phase q, index u; stride 1 reads the row itself), so that the taps of consecutive
 * outputs are contiguous for any stride. Output columns whose window leaves the input go through the scalar
 * definition; planes are split between threads.
 */
final class VectorDepthwiseConv implements DepthwiseConv {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

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
        int parts = Math.min(parallelism.threads(), Math.max(1, (int) Math.min(planes,
                (long) g.outputSize() * g.kernelH() * g.kernelW() / (1 << 16))));
        parallelism.run(parts, part -> {
            StridedRows rows = new StridedRows(g.height(), g.width(), g.strideW());
            int from = (int) ((long) planes * part / parts);
            int to = (int) ((long) planes * (part + 1) / parts);
            for (int plane = from; plane < to; plane++) {
                plane(g, x, xOff, w, wOff, bias, biasOff, y, yOff, activation, residual, residualOff, plane, rows);
            }
        });
    }

    private static void plane(ConvGeometry g, float[] x, int xOff, float[] w, int wOff, float[] bias, int biasOff,
                              float[] y, int yOff, Activation act, float[] residual, int residualOff, int plane,
                              StridedRows rows) {
        int c = plane % g.channels();
        float b = bias == null ? 0f : bias[biasOff + c];
        int xPlane = xOff + plane * g.height() * g.width();
        int wPlane = wOff + c * g.kernelH() * g.kernelW();
        rows.load(x, xPlane);
        int outH = g.outHeight();
        int outW = g.outWidth();
        int s = g.strideW();
        int lo = Math.min(outW, Math.ceilDiv(g.padLeft(), s));
        int hi = Math.max(lo, Math.min(outW,
                Math.floorDiv(g.width() - 1 + g.padLeft() - (g.kernelW() - 1) * g.dilationW(), s) + 1));
        boolean vectorAct = ActivationVector.vectorizable(act);
        for (int oh = 0; oh < outH; oh++) {
            int at = (plane * outH + oh) * outW;
            int ow = lo;
            for (; ow + LANES <= hi; ow += LANES) {
                FloatVector acc = interior(g, rows, w, wPlane, oh, ow).add(b);
                if (residual != null) {
                    acc = acc.add(FloatVector.fromArray(SPECIES, residual, residualOff + at + ow));
                }
                (vectorAct ? ActivationVector.apply(act, acc) : acc).intoArray(y, yOff + at + ow);
            }
            if (!vectorAct) {
                act.applyScalar(y, yOff + at + lo, yOff + at + ow);
            }
            border(g, x, xPlane, w, wPlane, b, y, yOff, act, residual, residualOff, at, oh, 0, lo);
            border(g, x, xPlane, w, wPlane, b, y, yOff, act, residual, residualOff, at, oh, ow, outW);
        }
    }

    /** Output columns {@code [from, to)} of row {@code oh} by the scalar definition. */
    private static void border(ConvGeometry g, float[] x, int xPlane, float[] w, int wPlane, float b, float[] y,
                               int yOff, Activation act, float[] residual, int residualOff, int at, int oh,
                               int from, int to) {
        for (int col = from; col < to; col++) {
            float v = ScalarDepthwiseConv.window(g, x, xPlane, w, wPlane, oh, col) + b;
            if (residual != null) {
                v += residual[residualOff + at + col];
            }
            y[yOff + at + col] = act.apply(v);
        }
    }

    /** Sum of the window taps for LANES interior outputs starting at column {@code ow} of row {@code oh}. */
    private static FloatVector interior(ConvGeometry g, StridedRows rows, float[] w, int wPlane, int oh, int ow) {
        FloatVector acc = FloatVector.zero(SPECIES);
        int s = g.strideW();
        for (int kh = 0; kh < g.kernelH(); kh++) {
            int ih = oh * g.strideH() - g.padTop() + kh * g.dilationH();
            if (ih < 0 || ih >= g.height()) {
                continue;
            }
            for (int kw = 0; kw < g.kernelW(); kw++) {
                int shift = kw * g.dilationW() - g.padLeft();
                int q = Math.floorMod(shift, s);
                int idx = rows.index(ih, q) + ow + Math.floorDiv(shift, s);
                acc = FloatVector.fromArray(SPECIES, rows.data, idx)
                        .fma(FloatVector.broadcast(SPECIES, w[wPlane + kh * g.kernelW() + kw]), acc);
            }
        }
        return acc;
    }
}
