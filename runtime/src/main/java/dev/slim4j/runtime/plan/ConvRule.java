package dev.slim4j.runtime.plan;

import dev.slim4j.ir.op.Conv;
import dev.slim4j.ir.op.SlidingWindow;
import dev.slim4j.kernels.Activation;
import dev.slim4j.kernels.ConvGeometry;
import dev.slim4j.kernels.DepthwiseConv;
import dev.slim4j.kernels.DirectConv;
import dev.slim4j.kernels.DirectConvFilter;
import dev.slim4j.kernels.WinogradConv;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.List;

/**
 * Selection for Conv and FusedConv (inputs X, W, B?, Z?): float32, 1-D or 2-D, static shapes, constant W and B.
 * Depthwise (group == C == M) -> the depthwise kernel; a single-group convolution that is not pointwise with at
 * least {@link #DIRECT_MIN_OUTPUTS} output positions in the batch -> the direct kernel (filters packed at compile
 * time); otherwise (in practice: on the scalar path, which has no direct kernel) 3x3 stride 1 single group with at least
 * {@link #WINOGRAD_MIN_CHANNELS} input and output channels and {@link #WINOGRAD_MIN_TILES} to {@link #WINOGRAD_MAX_TILES} output tiles -> Winograd
 * F(4x4, 3x3) with filters transformed at
 * compile time; a pointwise single-group convolution without Z whose weight is sparse enough ({@link SparseLimits})
 * -> the CSR kernel; anything else -> im2col (skipped when pointwise) + GEMM. The activation and Z go in the
 * epilogue.
 */
final class ConvRule {
    /**
     * Output positions (batch x outH x outW) from which the direct kernel measured faster than im2col
     * (DirectConvQuickBench): below, its blocks of positions are mostly margin (512 channels at 7x7: 0.86x).
     * Pointwise stride-1 convolutions stay on the GEMM, which reads their input as it lies.
     */
    static final int DIRECT_MIN_OUTPUTS = 128;
    static final int WINOGRAD_MIN_CHANNELS = 64;
    /**
     * The 4x4 output tiles per call where F(4x4, 3x3) measured at least as fast as im2col (WinogradQuickBench,
     * best of runs): below, the 36 GEMMs are too narrow; above, the transforms cost more than they save.
     */
    static final int WINOGRAD_MIN_TILES = 48;
    static final int WINOGRAD_MAX_TILES = 256;

    private ConvRule() {}

    static Choice select(NodeView v, Conv conv, Activation activation) {
        if (!v.staticFloat(0, 1, 2, 3)) return Choice.reference("not float32 with static shapes");
        Shape x = v.in(0);
        if (x.rank() != 3 && x.rank() != 4) return Choice.reference("only 1-D and 2-D convolutions are planned");
        Tensor w = v.constant(1);
        if (w == null) return Choice.reference("weights are not constant");
        if (v.has(2) && v.constant(2) == null) return Choice.reference("bias is not constant");
        if (v.has(3) && !v.in(3).equals(v.out(0))) return Choice.reference("residual Z does not have Y's shape");
        ConvGeometry g;
        try {
            g = geometry(conv, x, w.shape());
        } catch (RuntimeException e) {
            return Choice.reference("geometry not supported: " + e.getMessage());
        }
        if (g.outputSize() != v.out(0).size()) return Choice.reference("output shape does not match the geometry");
        float[] wf = w.floats();
        float[] bias = v.has(2) ? v.constant(2).floats() : null;
        if (DepthwiseConv.supports(g) && g.channels() > 1) {
            return Choice.fast(v.kernels().depthwise().name(), "group == C == M (depthwise)", p -> new DepthwiseStep(
                    v.kernels().depthwise(), g, wf, bias, activation, v.read(0), v.write(0), residual(v),
                    v.workers()));
        }
        double density = SparseRule.density(w);
        boolean sparsePointwise = g.pointwise() && g.groups() == 1;
        if (sparsePointwise && SparseRule.selectsPointwise(v, density, v.has(3))) {
            return SparseRule.pointwise(v, g.batch(), g.height() * g.width(), w, bias, activation, density);
        }
        DirectConv direct = v.kernels().direct();
        if (direct != null && directWins(g)) {
            DirectConvFilter filter = direct.prepare(g, wf, 0);
            return Choice.fast(direct.name(), "single group, not pointwise, " + outputs(g) + " output positions",
                    p -> {
                        Operand in = v.read(0);
                        Operand res = residual(v);
                        Operand out = v.write(0);
                        ArenaBuffer work = p.scratch(v.node().output(0), DirectConv.workspaceFloats(g,
                                v.workers().threads()));
                        return new DirectConvStep(direct, filter, bias, activation, in, out, res, work,
                                v.workers());
                    });
        }
        if (WinogradConv.supports(g) && g.channels() >= WINOGRAD_MIN_CHANNELS
                && g.outChannels() >= WINOGRAD_MIN_CHANNELS && winogradTiles(g) >= WINOGRAD_MIN_TILES
                && winogradTiles(g) <= WINOGRAD_MAX_TILES) {
            WinogradConv wino = v.kernels().winograd();
            var filter = wino.prepare(g, wf, 0);
            return Choice.fast(wino.name(), "3x3 stride 1, >= " + WINOGRAD_MIN_CHANNELS + " channels, " + winogradTiles(g) + " tiles", p -> {
                Operand in = v.read(0);
                Operand res = residual(v);
                Operand out = v.write(0);
                ArenaBuffer work = p.scratch(v.node().output(0), wino.workspaceFloats(g));
                return new WinogradStep(wino, g, filter, bias, activation, in, out, res, work, v.workers());
            });
        }
        String why = g.pointwise() ? "pointwise: GEMM on the input directly" : "im2col into arena scratch";
        if (sparsePointwise) why += SparseRule.pointwiseNote(v, density, v.has(3));
        return Choice.fast("im2col+" + v.kernels().gemm().name(), why, p -> {
            Operand in = v.read(0);
            Operand res = residual(v);
            Operand out = v.write(0);
            ArenaBuffer scratch = p.scratch(v.node().output(0), ConvStep.scratchFloats(g, v.workers().threads(), res != null));
            return new ConvStep(g, v.kernels().gemm(), wf, bias, activation, in, out, res, scratch, v.workers());
        });
    }

    static boolean directWins(ConvGeometry g) {
        return DirectConv.supports(g) && !g.pointwise() && outputs(g) >= DIRECT_MIN_OUTPUTS;
    }

    private static long outputs(ConvGeometry g) {
        return (long) g.batch() * g.outHeight() * g.outWidth();
    }

    private static long winogradTiles(ConvGeometry g) {
        return (long) g.batch() * Math.ceilDiv(g.outHeight(), 4) * Math.ceilDiv(g.outWidth(), 4);
    }

    private static Operand residual(NodeView v) {
        return v.has(3) ? v.read(3) : null;
    }

    /** The kernels' geometry for X and W shapes (a 1-D convolution is a 2-D one of height 1). */
    static ConvGeometry geometry(Conv conv, Shape x, Shape w) {
        boolean oneD = x.rank() == 3;
        long[] spatial = oneD ? new long[] {x.dim(2)} : new long[] {x.dim(2), x.dim(3)};
        long[] kernel = oneD ? new long[] {w.dim(2)} : new long[] {w.dim(2), w.dim(3)};
        SlidingWindow win = conv.window();
        for (int i = 0; i < conv.kernelShape().size() && i < kernel.length; i++) {
            if (conv.kernelShape().get(i) != kernel[i]) {
                throw new IllegalArgumentException("kernel_shape " + conv.kernelShape() + " differs from W " + w);
            }
        }
        List<SlidingWindow.Axis> axes = win.resolve(spatial, kernel);
        int last = axes.size() - 1;
        SlidingWindow.Axis h = oneD ? new SlidingWindow.Axis(0, 0, 1) : axes.get(0);
        SlidingWindow.Axis wa = axes.get(last);
        int sh = oneD ? 1 : (int) win.stride(0);
        int dh = oneD ? 1 : (int) win.dilation(0);
        return new ConvGeometry(x.dim(0), x.dim(1), oneD ? 1 : x.dim(2), x.dim(x.rank() - 1), w.dim(0),
                oneD ? 1 : w.dim(2), w.dim(w.rank() - 1), sh, (int) win.stride(last), (int) h.padBegin(),
                (int) wa.padBegin(), (int) h.padEnd(), (int) wa.padEnd(), dh, (int) win.dilation(last),
                (int) conv.group());
    }
}
