package dev.slim4j.kernels;

import java.util.Objects;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Single-group convolution without unfolding: the input of a chunk of images is laid out once in stride phases
 * ({@link DirectConvLayout}), after which every filter tap reads a block of output positions as consecutive
 * floats. A register tile of {@value #ROWS} output channels x {@link #BLOCK} positions accumulates, per tap, two
 * input vectors times {@value #ROWS} broadcast weights (16 FMAs for 10 loads), over the taps in cache-sized runs;
 * the products land in scratch, and an epilogue pass adds bias and residual, applies the activation and writes
 * the valid positions to NCHW. Unlike im2col + GEMM, nothing of the size of the unfolded input is written or
 * packed. With at least as many chunks of images as threads, each thread takes whole chunks in its own workspace;
 * otherwise each chunk is split over channels (layout), position blocks (products) and output channels (epilogue).
 */
public final class DirectConv implements Conv {
    static final VectorSpecies<Float> SPECIES = VectorKernelSupport.SPECIES;
    static final int LANES = VectorKernelSupport.LANES;
    /** Output channels of the register tile. */
    static final int ROWS = 8;
    /** Output positions of the register tile: two vectors. */
    static final int BLOCK = 2 * LANES;
    /** Taps per run over the positions: a block's input for a run (KC x BLOCK floats) stays in L1. */
    static final int KC = 256;

    /** Whether the direct kernel applies: one group (any kernel size, stride, padding and dilation). */
    public static boolean supports(ConvGeometry g) {
        return g.groups() == 1;
    }

    @Override
    public String name() {
        return "direct(" + ROWS + "x" + BLOCK + ")";
    }

    /** The filters {@code outChannels x channels x kH x kW} at {@code w[wOff]}, packed for geometry {@code g}. */
    public DirectConvFilter prepare(ConvGeometry g, float[] w, int wOff) {
        requireSupported(g);
        Conv.checkExtent("w", w, wOff, g.weightSize());
        int m = g.outChannels();
        int k = g.patchSize();
        float[] packed = new float[Math.ceilDiv(m, ROWS) * ROWS * k];
        for (int oc = 0; oc < m; oc++) {
            int block = oc / ROWS;
            int r = oc % ROWS;
            for (int p = 0; p < k; p++) {
                packed[(block * k + p) * ROWS + r] = w[wOff + oc * k + p];
            }
        }
        return new DirectConvFilter(g, DirectConvLayout.of(g, BLOCK), packed);
    }

    /** Floats of workspace a call with geometry {@code g} needs: one chunk's laid-out input and products. */
    public static long workspaceFloats(ConvGeometry g) {
        return workspaceFloats(DirectConvLayout.of(g, BLOCK));
    }

    /**
     * Floats of workspace for {@code threads} threads: one chunk's worth per thread when there are at least as
     * many chunks of images as threads (each thread then takes whole chunks), else one.
     */
    public static long workspaceFloats(ConvGeometry g, int threads) {
        DirectConvLayout layout = DirectConvLayout.of(g, BLOCK);
        return workspaceFloats(layout) * (chunksPerThread(layout, threads) ? threads : 1);
    }

    private static boolean chunksPerThread(DirectConvLayout layout, int threads) {
        return threads > 1 && Math.ceilDiv(layout.g().batch(), layout.chunkImages()) >= threads;
    }

    private static long workspaceFloats(DirectConvLayout layout) {
        return layout.inputFloats() + (long) Math.ceilDiv(layout.g().outChannels(), ROWS) * ROWS * layout.positions();
    }

    @Override
    public void conv2d(ConvGeometry g, float[] x, int xOff, float[] w, int wOff, float[] bias, int biasOff,
                       float[] y, int yOff, Activation activation, float[] residual, int residualOff,
                       Parallelism parallelism) {
        conv2d(x, xOff, prepare(g, w, wOff), bias, biasOff, y, yOff, activation, residual, residualOff,
                new float[(int) workspaceFloats(g, parallelism.threads())], 0, parallelism);
    }

    /**
     * The convolution of {@code filter}'s geometry with workspace {@code work[workOff, + workspaceFloats(g,
     * threads))}; {@code bias} and {@code residual} as in {@link Conv}.
     */
    public void conv2d(float[] x, int xOff, DirectConvFilter filter, float[] bias, int biasOff, float[] y, int yOff,
                       Activation activation, float[] residual, int residualOff, float[] work, int workOff,
                       Parallelism parallelism) {
        ConvGeometry g = filter.geometry();
        Conv.checkExtent("x", x, xOff, g.inputSize());
        Conv.checkExtent("y", y, yOff, g.outputSize());
        if (bias != null) {
            Conv.checkExtent("bias", bias, biasOff, g.outChannels());
        }
        if (residual != null) {
            Conv.checkExtent("residual", residual, residualOff, g.outputSize());
        }
        Objects.requireNonNull(activation, "activation");
        DirectConvLayout layout = filter.layout();
        int threads = parallelism.threads();
        long perThread = workspaceFloats(layout);
        if (chunksPerThread(layout, threads)) {
            Conv.checkExtent("work", work, workOff, (int) (perThread * threads));
            int chunks = Math.ceilDiv(g.batch(), layout.chunkImages());
            parallelism.run(threads, part -> {
                var own = new Call(layout, filter, x, xOff, bias, biasOff, y, yOff, activation, residual,
                        residualOff, work, workOff + (int) (part * perThread));
                for (int chunk = chunks * part / threads; chunk < chunks * (part + 1) / threads; chunk++) {
                    int n0 = chunk * layout.chunkImages();
                    int count = Math.min(layout.chunkImages(), g.batch() - n0);
                    own.pack(n0, count, 0, g.channels());
                    own.products(0, Math.ceilDiv(count * layout.imagePositions(), BLOCK));
                    own.epilogue(n0, count, 0, g.outChannels());
                }
            });
            return;
        }
        Conv.checkExtent("work", work, workOff, (int) perThread);
        var call = new Call(layout, filter, x, xOff, bias, biasOff, y, yOff, activation, residual, residualOff,
                work, workOff);
        for (int n0 = 0; n0 < g.batch(); n0 += layout.chunkImages()) {
            int count = Math.min(layout.chunkImages(), g.batch() - n0);
            int blocks = Math.ceilDiv(count * layout.imagePositions(), BLOCK);
            int start = n0;
            if (threads == 1) {
                call.pack(start, count, 0, g.channels());
                call.products(0, blocks);
                call.epilogue(start, count, 0, g.outChannels());
                continue;
            }
            split(parallelism, g.channels(), (from, to) -> call.pack(start, count, from, to));
            split(parallelism, blocks, (from, to) -> call.products(from, to));
            split(parallelism, g.outChannels(), (from, to) -> call.epilogue(start, count, from, to));
        }
    }

    private interface RangeTask {
        void run(int from, int to);
    }

    private static void split(Parallelism parallelism, int items, RangeTask task) {
        int parts = Math.min(parallelism.threads(), items);
        parallelism.run(parts, part -> task.run(items * part / parts, items * (part + 1) / parts));
    }

    /** One call's arrays and offsets; the laid-out input at {@code in}, the products at {@code out}. */
    private record Call(DirectConvLayout layout, DirectConvFilter filter, float[] x, int xOff, float[] bias,
                        int biasOff, float[] y, int yOff, Activation activation, float[] residual, int residualOff,
                        float[] work, int in, int out) {
        Call(DirectConvLayout layout, DirectConvFilter filter, float[] x, int xOff, float[] bias, int biasOff,
             float[] y, int yOff, Activation activation, float[] residual, int residualOff, float[] work,
             int workOff) {
            this(layout, filter, x, xOff, bias, biasOff, y, yOff, activation, residual, residualOff, work, workOff,
                    workOff + layout.inputFloats());
        }

        void pack(int n0, int count, int c0, int c1) {
            layout.pack(x, xOff, n0, count, c0, c1, work, in);
        }

        /** Products of position blocks {@code [b0, b1)} for every output channel block, a run of taps at a time. */
        void products(int b0, int b1) {
            int k = filter.geometry().patchSize();
            int runs = Math.ceilDiv(k, KC);
            int run = Math.ceilDiv(k, runs);
            int positions = layout.positions();
            int[] offsets = layout.offsets();
            float[] w = filter.data();
            for (int k0 = 0; k0 < k; k0 += run) {
                int k1 = Math.min(k, k0 + run);
                for (int b = b0; b < b1; b++) {
                    int pos = b * BLOCK;
                    for (int block = 0; block < filter.blocks(); block++) {
                        tile(work, in + pos, offsets, k0, k1, w, block * k * ROWS, work,
                                out + block * ROWS * positions + pos, positions, k0 > 0);
                    }
                }
            }
        }

        /** Output channels {@code [m0, m1)} of images {@code [n0, n0 + count)}: bias, residual, activation. */
        void epilogue(int n0, int count, int m0, int m1) {
            ConvGeometry g = filter.geometry();
            int outH = g.outHeight();
            int outW = g.outWidth();
            int gridW = layout.gridW();
            boolean wholePlanes = gridW == outW;
            int rows = wholePlanes ? 1 : outH;
            int length = wholePlanes ? outH * outW : outW;
            for (int n = 0; n < count; n++) {
                for (int oc = m0; oc < m1; oc++) {
                    float b = bias == null ? 0f : bias[biasOff + oc];
                    int src = out + oc * layout.positions() + n * layout.imagePositions();
                    int dst = ((n0 + n) * g.outChannels() + oc) * outH * outW;
                    for (int row = 0; row < rows; row++) {
                        finish(work, src + row * gridW, y, yOff + dst + row * outW, length, b, residual,
                                residualOff + dst + row * outW, activation);
                    }
                }
            }
        }
    }

    /** {@code y[dst + i] = activation(p[src + i] + bias + residual[res + i])} for i below {@code length}. */
    private static void finish(float[] p, int src, float[] y, int dst, int length, float bias, float[] residual,
                               int res, Activation activation) {
        if (!ActivationVector.vectorizable(activation)) {
            for (int i = 0; i < length; i++) {
                y[dst + i] = activation.apply(p[src + i] + bias + (residual == null ? 0f : residual[res + i]));
            }
            return;
        }
        FloatVector b = FloatVector.broadcast(SPECIES, bias);
        for (int i = 0; i < length; i += LANES) {
            VectorMask<Float> m = SPECIES.indexInRange(i, length);
            FloatVector v = FloatVector.fromArray(SPECIES, p, src + i, m).add(b);
            if (residual != null) v = v.add(FloatVector.fromArray(SPECIES, residual, res + i, m));
            ActivationVector.apply(activation, v).intoArray(y, dst + i, m);
        }
    }

    /**
     * {@code out[o + r*ld + j] (+)= sum over taps k in [k0, k1) of w[wBase + k*ROWS + r] * x[xBase + offsets[k] + j]}
     * for r below {@value #ROWS} and j below {@link #BLOCK}; adds to {@code out} when {@code accumulate}.
     */
    static void tile(float[] x, int xBase, int[] offsets, int k0, int k1, float[] w, int wBase, float[] out, int o,
                     int ld, boolean accumulate) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71;
        if (accumulate) {
            c00 = FloatVector.fromArray(SPECIES, out, o); c01 = FloatVector.fromArray(SPECIES, out, o + LANES);
            c10 = FloatVector.fromArray(SPECIES, out, o + ld); c11 = FloatVector.fromArray(SPECIES, out, o + ld + LANES);
            c20 = FloatVector.fromArray(SPECIES, out, o + 2 * ld);
            c21 = FloatVector.fromArray(SPECIES, out, o + 2 * ld + LANES);
            c30 = FloatVector.fromArray(SPECIES, out, o + 3 * ld);
            c31 = FloatVector.fromArray(SPECIES, out, o + 3 * ld + LANES);
            c40 = FloatVector.fromArray(SPECIES, out, o + 4 * ld);
            c41 = FloatVector.fromArray(SPECIES, out, o + 4 * ld + LANES);
            c50 = FloatVector.fromArray(SPECIES, out, o + 5 * ld);
            c51 = FloatVector.fromArray(SPECIES, out, o + 5 * ld + LANES);
            c60 = FloatVector.fromArray(SPECIES, out, o + 6 * ld);
            c61 = FloatVector.fromArray(SPECIES, out, o + 6 * ld + LANES);
            c70 = FloatVector.fromArray(SPECIES, out, o + 7 * ld);
            c71 = FloatVector.fromArray(SPECIES, out, o + 7 * ld + LANES);
        } else {
            FloatVector z = FloatVector.zero(SPECIES);
            c00 = z; c01 = z; c10 = z; c11 = z; c20 = z; c21 = z; c30 = z; c31 = z;
            c40 = z; c41 = z; c50 = z; c51 = z; c60 = z; c61 = z; c70 = z; c71 = z;
        }
        int wEnd = wBase + k1 * ROWS;
        Objects.checkFromToIndex(wBase + k0 * ROWS, wEnd, w.length);
        for (int wi = wBase + k0 * ROWS, k = k0; wi < wEnd; wi += ROWS, k++) {
            int xi = xBase + offsets[k];
            FloatVector x0 = FloatVector.fromArray(SPECIES, x, xi);
            FloatVector x1 = FloatVector.fromArray(SPECIES, x, xi + LANES);
            FloatVector a = FloatVector.broadcast(SPECIES, w[wi]);
            c00 = a.fma(x0, c00); c01 = a.fma(x1, c01);
            a = FloatVector.broadcast(SPECIES, w[wi + 1]);
            c10 = a.fma(x0, c10); c11 = a.fma(x1, c11);
            a = FloatVector.broadcast(SPECIES, w[wi + 2]);
            c20 = a.fma(x0, c20); c21 = a.fma(x1, c21);
            a = FloatVector.broadcast(SPECIES, w[wi + 3]);
            c30 = a.fma(x0, c30); c31 = a.fma(x1, c31);
            a = FloatVector.broadcast(SPECIES, w[wi + 4]);
            c40 = a.fma(x0, c40); c41 = a.fma(x1, c41);
            a = FloatVector.broadcast(SPECIES, w[wi + 5]);
            c50 = a.fma(x0, c50); c51 = a.fma(x1, c51);
            a = FloatVector.broadcast(SPECIES, w[wi + 6]);
            c60 = a.fma(x0, c60); c61 = a.fma(x1, c61);
            a = FloatVector.broadcast(SPECIES, w[wi + 7]);
            c70 = a.fma(x0, c70); c71 = a.fma(x1, c71);
        }
        c00.intoArray(out, o); c01.intoArray(out, o + LANES);
        c10.intoArray(out, o + ld); c11.intoArray(out, o + ld + LANES);
        c20.intoArray(out, o + 2 * ld); c21.intoArray(out, o + 2 * ld + LANES);
        c30.intoArray(out, o + 3 * ld); c31.intoArray(out, o + 3 * ld + LANES);
        c40.intoArray(out, o + 4 * ld); c41.intoArray(out, o + 4 * ld + LANES);
        c50.intoArray(out, o + 5 * ld); c51.intoArray(out, o + 5 * ld + LANES);
        c60.intoArray(out, o + 6 * ld); c61.intoArray(out, o + 6 * ld + LANES);
        c70.intoArray(out, o + 7 * ld); c71.intoArray(out, o + 7 * ld + LANES);
    }

    private static void requireSupported(ConvGeometry g) {
        if (!supports(g)) {
            throw new IllegalArgumentException("expected a single-group convolution, found groups " + g.groups());
        }
    }
}
