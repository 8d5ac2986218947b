package dev.slim4j.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Pooling} vectorized along the output width over {@link StridedRows} (any stride): output columns whose
 * window lies inside the input horizontally take vector loads, the others the scalar definition. Global pooling
 * reduces each plane with vectors. Planes are split between threads.
 */
final class VectorPooling implements Pooling {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    @Override
    public String name() {
        return "vector-pooling(" + LANES + " lanes)";
    }

    @Override
    public void maxPool(PoolGeometry g, float[] x, int xOff, float[] y, int yOff, Parallelism parallelism) {
        Pooling.check(g, x, xOff, y, yOff);
        run(g, x, xOff, y, yOff, true, false, parallelism);
    }

    @Override
    public void averagePool(PoolGeometry g, boolean countIncludePad, float[] x, int xOff, float[] y, int yOff,
                            Parallelism parallelism) {
        Pooling.check(g, x, xOff, y, yOff);
        run(g, x, xOff, y, yOff, false, countIncludePad, parallelism);
    }

    private static void run(PoolGeometry g, float[] x, int xOff, float[] y, int yOff, boolean max,
                            boolean includePad, Parallelism parallelism) {
        int planes = g.planes();
        int parts = Math.min(parallelism.threads(), Math.max(1, (int) Math.min(planes,
                (long) g.outputSize() * g.kernelH() * g.kernelW() / (1 << 16))));
        parallelism.run(parts, part -> {
            StridedRows rows = new StridedRows(g.height(), g.width(), g.strideW());
            int from = (int) ((long) planes * part / parts);
            int to = (int) ((long) planes * (part + 1) / parts);
            for (int plane = from; plane < to; plane++) {
                plane(g, x, xOff, y, yOff, max, includePad, plane, rows);
            }
        });
    }

    private static void plane(PoolGeometry g, float[] x, int xOff, float[] y, int yOff, boolean max,
                              boolean includePad, int plane, StridedRows rows) {
        rows.load(x, xOff + plane * g.height() * g.width());
        int s = g.strideW();
        int outW = g.outWidth();
        int lo = Math.min(outW, Math.ceilDiv(g.padLeft(), s));
        int hi = Math.max(lo, Math.min(outW,
                Math.floorDiv(g.width() - 1 + g.padLeft() - (g.kernelW() - 1) * g.dilationW(), s) + 1));
        for (int oh = 0; oh < g.outHeight(); oh++) {
            int at = yOff + (plane * g.outHeight() + oh) * outW;
            int ow = lo;
            int count = rowTaps(g, oh, includePad) * g.kernelW();
            for (; ow + LANES <= hi; ow += LANES) {
                FloatVector v = window(g, rows, oh, ow, max);
                if (!max) {
                    v = count == 0 ? FloatVector.zero(SPECIES) : v.div(count);
                }
                v.intoArray(y, at + ow);
            }
            border(g, x, xOff, y, yOff, max, includePad, plane, oh, 0, lo);
            border(g, x, xOff, y, yOff, max, includePad, plane, oh, ow, outW);
        }
    }

    /** Window rows of output row {@code oh} that count towards the average. */
    private static int rowTaps(PoolGeometry g, int oh, boolean includePad) {
        int taps = 0;
        for (int kh = 0; kh < g.kernelH(); kh++) {
            int ih = oh * g.strideH() - g.padTop() + kh * g.dilationH();
            if (ih >= 0 && ih < g.height() || includePad && ih < g.height() + g.padBottom()) { // pad rows above count too
                taps++;
            }
        }
        return taps;
    }

    private static FloatVector window(PoolGeometry g, StridedRows rows, int oh, int ow, boolean max) {
        FloatVector acc = FloatVector.broadcast(SPECIES, max ? -Float.MAX_VALUE : 0f);
        int s = g.strideW();
        for (int kh = 0; kh < g.kernelH(); kh++) {
            int ih = oh * g.strideH() - g.padTop() + kh * g.dilationH();
            if (ih < 0 || ih >= g.height()) {
                continue;
            }
            for (int kw = 0; kw < g.kernelW(); kw++) {
                int shift = kw * g.dilationW() - g.padLeft();
                int idx = rows.index(ih, Math.floorMod(shift, s)) + ow + Math.floorDiv(shift, s);
                FloatVector v = FloatVector.fromArray(SPECIES, rows.data, idx);
                acc = max ? acc.max(v) : acc.add(v);
            }
        }
        return acc;
    }

    /** Output columns {@code [from, to)} of row {@code oh} by the scalar definition. */
    private static void border(PoolGeometry g, float[] x, int xOff, float[] y, int yOff, boolean max,
                               boolean includePad, int plane, int oh, int from, int to) {
        int xPlane = xOff + plane * g.height() * g.width();
        int at = yOff + (plane * g.outHeight() + oh) * g.outWidth();
        for (int ow = from; ow < to; ow++) {
            y[at + ow] = max ? ScalarPooling.maxAt(g, x, xPlane, oh, ow)
                    : ScalarPooling.averageAt(g, includePad, x, xPlane, oh, ow);
        }
    }

    @Override
    public void globalAveragePool(int planes, int spatial, float[] x, int xOff, float[] y, int yOff) {
        Pooling.checkGlobal(planes, spatial, x, xOff, y, yOff);
        for (int p = 0; p < planes; p++) {
            y[yOff + p] = reduce(x, xOff + p * spatial, spatial, false) / spatial;
        }
    }

    @Override
    public void globalMaxPool(int planes, int spatial, float[] x, int xOff, float[] y, int yOff) {
        Pooling.checkGlobal(planes, spatial, x, xOff, y, yOff);
        for (int p = 0; p < planes; p++) {
            y[yOff + p] = reduce(x, xOff + p * spatial, spatial, true);
        }
    }

    private static float reduce(float[] x, int from, int count, boolean max) {
        FloatVector acc = FloatVector.broadcast(SPECIES, max ? Float.NEGATIVE_INFINITY : 0f);
        int i = 0;
        for (; i <= count - LANES; i += LANES) {
            FloatVector v = FloatVector.fromArray(SPECIES, x, from + i);
            acc = max ? acc.max(v) : acc.add(v);
        }
        float r = acc.reduceLanes(max ? VectorOperators.MAX : VectorOperators.ADD);
        for (; i < count; i++) {
            r = max ? Math.max(r, x[from + i]) : r + x[from + i];
        }
        return r;
    }
}
