package dev.slim4j.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Pooling} vectorized along the output width over a {@link PaddedPlane} (any stride, pads filled with
 * {@code -Float.MAX_VALUE} for max and 0 for average): every output column takes the vector path. Average divides
 * by the product of the row and column tap counts (pads counted with count_include_pad). Global pooling reduces
 * each plane with vectors. Planes are split between threads.
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
        if (g.outWidth() < LANES / 2) { // rows too short for vectors to pay for the padded copy
            ScalarPooling scalar = new ScalarPooling();
            if (max) scalar.maxPool(g, x, xOff, y, yOff, parallelism);
            else scalar.averagePool(g, includePad, x, xOff, y, yOff, parallelism);
            return;
        }
        int planes = g.planes();
        int parts = PaddedPlane.parts(parallelism, planes, (long) g.outputSize() * g.kernelH() * g.kernelW());
        int paddedH = PaddedPlane.extent(g.padTop(), g.height(), g.padBottom(), g.outHeight(), g.strideH(),
                g.kernelH(), g.dilationH());
        int paddedW = PaddedPlane.extent(g.padLeft(), g.width(), g.padRight(), g.outWidth(), g.strideW(),
                g.kernelW(), g.dilationW());
        float[] colScale = max ? null : inverseCounts(g.outWidth(), g.kernelW(), g.strideW(), g.dilationW(),
                g.padLeft(), g.width(), g.padRight(), includePad);
        float[] rowScale = max ? null : inverseCounts(g.outHeight(), g.kernelH(), g.strideH(), g.dilationH(),
                g.padTop(), g.height(), g.padBottom(), includePad);
        parallelism.run(parts, part -> {
            PaddedPlane rows = PaddedPlane.forThread(paddedH, paddedW, g.strideW());
            int from = (int) ((long) planes * part / parts);
            int to = (int) ((long) planes * (part + 1) / parts);
            for (int plane = from; plane < to; plane++) {
                rows.load(x, xOff + plane * g.height() * g.width(), g.height(), g.width(), g.padTop(),
                        g.padLeft(), max ? -Float.MAX_VALUE : 0f);
                plane(g, y, yOff, max, plane, rows, rowScale, colScale);
            }
        });
    }

    /**
     * {@code 1 / taps} per output position along one axis, where taps counts the window positions inside the input
     * (or inside input and pads with {@code includePad}); the 2-D divisor is the product of the two axes' counts.
     */
    static float[] inverseCounts(int out, int kernel, int stride, int dilation, int padBegin, int size, int padEnd,
                                 boolean includePad) {
        float[] inv = new float[out + VectorKernelSupport.LANES];
        for (int o = 0; o < out; o++) {
            int taps = 0;
            for (int k = 0; k < kernel; k++) {
                int i = o * stride - padBegin + k * dilation;
                if (i >= 0 && i < size || includePad && i < size + padEnd) taps++;
            }
            inv[o] = taps == 0 ? 0f : 1f / taps;
        }
        return inv;
    }

    private static void plane(PoolGeometry g, float[] y, int yOff, boolean max, int plane, PaddedPlane rows,
                              float[] rowScale, float[] colScale) {
        int outW = g.outWidth();
        for (int oh = 0; oh < g.outHeight(); oh++) {
            int at = yOff + (plane * g.outHeight() + oh) * outW;
            for (int ow = 0; ow < outW; ow += LANES) {
                FloatVector v = window(g, rows, oh, ow, max);
                if (!max) {
                    v = v.mul(FloatVector.fromArray(SPECIES, colScale, ow)).mul(rowScale[oh]);
                }
                v.intoArray(y, at + ow, VectorKernelSupport.head(outW - ow));
            }
        }
    }

    private static FloatVector window(PoolGeometry g, PaddedPlane rows, int oh, int ow, boolean max) {
        FloatVector acc = FloatVector.broadcast(SPECIES, max ? -Float.MAX_VALUE : 0f);
        float[] data = rows.data();
        int s = g.strideW();
        for (int kh = 0; kh < g.kernelH(); kh++) {
            int r = oh * g.strideH() + kh * g.dilationH();
            for (int kw = 0; kw < g.kernelW(); kw++) {
                int shift = kw * g.dilationW();
                FloatVector v = FloatVector.fromArray(SPECIES, data, rows.index(r, shift % s) + ow + shift / s);
                acc = max ? acc.max(v) : acc.add(v);
            }
        }
        return acc;
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
        float r = max ? acc.reduceLanes(VectorOperators.MAX) : VectorKernelSupport.sumInLaneOrder(acc);
        for (; i < count; i++) {
            r = max ? Math.max(r, x[from + i]) : r + x[from + i];
        }
        return r;
    }
}
