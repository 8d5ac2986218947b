package dev.slim4j.kernels;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * 3x3 stride-1 convolution (any pads, one group, no dilation) with Winograd F(m x m, 3 x 3): filters are
 * transformed once ({@link #prepare}, cacheable), each input channel plane is cut into alpha x alpha tiles
 * overlapping by 2 and transformed ({@code V = B^T d B}), then for each of the alpha^2 transform points one
 * {@link Gemm} {@code M[xi] = U[xi] (outC x inC) * V[xi] (inC x tiles)}, and finally each output tile is
 * {@code A^T M A} with bias, residual and activation fused. Work is split over planes and transform points.
 */
public final class WinogradConv implements Conv {
    private final WinogradVariant variant;
    private final WinogradTransform transform;
    private final Gemm gemm;

    public WinogradConv(WinogradVariant variant, Gemm gemm) {
        this.variant = Objects.requireNonNull(variant, "variant");
        this.transform = new WinogradTransform(variant);
        this.gemm = Objects.requireNonNull(gemm, "gemm");
    }

    /** Whether Winograd applies: 3x3 kernel, stride 1, dilation 1, one group. */
    public static boolean supports(ConvGeometry g) {
        return g.kernelH() == 3 && g.kernelW() == 3 && g.strideH() == 1 && g.strideW() == 1
                && g.dilationH() == 1 && g.dilationW() == 1 && g.groups() == 1;
    }

    public WinogradVariant variant() {
        return variant;
    }

    @Override
    public String name() {
        return "winograd-" + variant + "+" + gemm.name();
    }

    /** The filters {@code outChannels x channels x 3 x 3} at {@code w[wOff]} in the transform domain. */
    public WinogradFilter prepare(ConvGeometry g, float[] w, int wOff) {
        requireSupported(g);
        Conv.checkExtent("w", w, wOff, g.weightSize());
        int outC = g.outChannels();
        int inC = g.channels();
        float[] u = new float[variant.transformPoints() * outC * inC];
        for (int oc = 0; oc < outC; oc++) {
            for (int c = 0; c < inC; c++) {
                transform.filter(w, wOff + (oc * inC + c) * 9, u, oc * inC + c, outC * inC);
            }
        }
        List<PreparedLeft> points = new ArrayList<>(variant.transformPoints());
        for (int xi = 0; xi < variant.transformPoints(); xi++) {
            points.add(gemm.prepareLeft(false, outC, inC, 1f, u, xi * outC * inC, inC));
        }
        return new WinogradFilter(variant, outC, inC, u, points);
    }

    @Override
    public void conv2d(ConvGeometry g, float[] x, int xOff, float[] w, int wOff, float[] bias, int biasOff,
                       float[] y, int yOff, Activation activation, float[] residual, int residualOff,
                       Parallelism parallelism) {
        conv2d(g, x, xOff, prepare(g, w, wOff), bias, biasOff, y, yOff, activation, residual, residualOff,
                parallelism);
    }

    /** The convolution with filters from {@link #prepare} (same geometry); allocates its workspace. */
    public void conv2d(ConvGeometry g, float[] x, int xOff, WinogradFilter filter, float[] bias, int biasOff,
                       float[] y, int yOff, Activation activation, float[] residual, int residualOff,
                       Parallelism parallelism) {
        conv2d(g, x, xOff, filter, bias, biasOff, y, yOff, activation, residual, residualOff,
                new float[(int) workspaceFloats(g)], 0, parallelism);
    }

    /** Floats of workspace a call with geometry {@code g} needs: the transformed input and the products. */
    public long workspaceFloats(ConvGeometry g) {
        long tiles = (long) g.batch() * Math.ceilDiv(g.outHeight(), variant.outputTile())
                * Math.ceilDiv(g.outWidth(), variant.outputTile());
        return variant.transformPoints() * tiles * ((long) g.channels() + g.outChannels());
    }

    /** As above with {@link #workspaceFloats} floats of {@code work} from {@code workOff} as workspace. */
    public void conv2d(ConvGeometry g, float[] x, int xOff, WinogradFilter filter, float[] bias, int biasOff,
                       float[] y, int yOff, Activation activation, float[] residual, int residualOff,
                       float[] work, int workOff, Parallelism parallelism) {
        requireSupported(g);
        if (filter.variant() != variant || filter.outChannels() != g.outChannels()
                || filter.channels() != g.channels()) {
            throw new IllegalArgumentException("expected " + variant + " filters for " + g.outChannels() + " x "
                    + g.channels() + ", found " + filter.variant() + " " + filter.outChannels() + " x "
                    + filter.channels());
        }
        Conv.checkExtent("x", x, xOff, g.inputSize());
        Conv.checkExtent("y", y, yOff, g.outputSize());
        Conv.checkExtent("work", work, workOff, (int) workspaceFloats(g));
        if (bias != null) {
            Conv.checkExtent("bias", bias, biasOff, g.outChannels());
        }
        if (residual != null) {
            Conv.checkExtent("residual", residual, residualOff, g.outputSize());
        }
        Objects.requireNonNull(activation, "activation");
        if (g.batch() == 0) {
            return;
        }
        WinogradPlan plan = new WinogradPlan(g, transform);
        int vOff = workOff;
        int mOff = workOff + variant.transformPoints() * g.channels() * plan.tiles();
        split(parallelism, g.channels(), (from, to) -> plan.inputChannels(x, xOff, from, to, work, vOff));
        multiply(g, filter, work, vOff, mOff, plan.tiles(), parallelism);
        split(parallelism, g.outChannels(), (from, to) -> plan.outputChannels(work, mOff, from, to, bias, biasOff, y, yOff,
                activation, residual, residualOff));
    }

    /** The alpha^2 GEMMs, split over transform points between threads. */
    private void multiply(ConvGeometry g, WinogradFilter filter, float[] work, int vOff, int mOff, int tiles,
                          Parallelism parallelism) {
        int outC = g.outChannels();
        int inC = g.channels();
        split(parallelism, variant.transformPoints(), (from, to) -> {
            for (int xi = from; xi < to; xi++) {
                if (filter.points().isEmpty()) {
                    gemm.sgemm(false, false, outC, tiles, inC, 1f, filter.data(), xi * outC * inC, inC, work,
                            vOff + xi * inC * tiles, tiles, 0f, work, mOff + xi * outC * tiles, tiles,
                            Epilogue.none(), Parallelism.serial());
                } else {
                    gemm.sgemm(filter.points().get(xi), false, tiles, work, vOff + xi * inC * tiles, tiles, 0f, work,
                            mOff + xi * outC * tiles, tiles, Epilogue.none(), Parallelism.serial());
                }
            }
        });
    }

    private static void split(Parallelism parallelism, int count, Range range) {
        int parts = Math.min(parallelism.threads(), count);
        parallelism.run(parts, part -> {
            int from = (int) ((long) count * part / parts);
            int to = (int) ((long) count * (part + 1) / parts);
            if (to > from) {
                range.run(from, to);
            }
        });
    }

    private static void requireSupported(ConvGeometry g) {
        if (!supports(g)) {
            throw new IllegalArgumentException("expected a 3x3, stride 1, dilation 1, single-group convolution for"
                    + " Winograd, found " + g);
        }
    }

    @FunctionalInterface
    private interface Range {
        void run(int from, int to);
    }
}
