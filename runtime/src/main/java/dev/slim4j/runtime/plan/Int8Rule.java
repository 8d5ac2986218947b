package dev.slim4j.runtime.plan;

import dev.slim4j.ir.op.Conv;
import dev.slim4j.ir.op.QLinearConv;
import dev.slim4j.kernels.ConvGeometry;
import dev.slim4j.kernels.DepthwiseConv;
import dev.slim4j.kernels.Int8Depthwise;
import dev.slim4j.kernels.Int8Gemm;
import dev.slim4j.kernels.Int8Weights;
import dev.slim4j.kernels.Kernels;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.tensor.quant.QuantMath;

/**
 * Selection for the integer ops: QLinearConv (2-D, one group) and QLinearMatMul (constant 2-D B) with uint8
 * activations, int8 weights of zero point 0 (symmetric, as quantizers write them), constant scales and zero
 * points; they run on {@link Kernels#int8Gemm()}. Everything else (uint8 weights, weight zero points, groups)
 * goes to the reference op, which the plan names as the reason.
 */
final class Int8Rule {
    private Int8Rule() {}

    static Choice qLinearConv(NodeView v, QLinearConv op) {
        String why = requireQuantized(v, 0, 3, new int[] {1, 2, 4, 5, 6, 7});
        if (why != null) return Choice.reference(why);
        Shape x = v.in(0);
        Tensor w = v.constant(3);
        if (x.rank() != 4) return Choice.reference("only 2-D integer convolutions are planned");
        if (v.has(8) && (v.constant(8) == null || v.shapes().dtype(v.node().input(8)) != DType.INT32)) {
            return Choice.reference("bias is not a constant int32 vector");
        }
        ConvGeometry g;
        try {
            g = ConvRule.geometry(new Conv(op.autoPad(), op.dilations(), op.group(), op.kernelShape(), op.pads(),
                    op.strides()), x, w.shape());
        } catch (RuntimeException e) {
            return Choice.reference("geometry not supported: " + e.getMessage());
        }
        if (op.group() != 1) return depthwise(v, g, w);
        int m = g.outChannels();
        byte[] wb = w.bytes();
        float[] mult = multipliers(v.constant(1), v.constant(4), v.constant(6), m);
        int[] bias = v.has(8) ? v.constant(8).ints() : null;
        int xZero = (int) v.constant(2).getLong(0);
        Tensor yZp = v.constant(7);
        Int8Gemm gemm = Kernels.int8Gemm();
        boolean inputChannelsLast = v.channelsLast(v.node().input(0));
        String how = Int8ConvStep.readsPatchesInPlace(g, gemm, inputChannelsLast) ? "im2row-in-place-nhwc+"
                : "im2row-nhwc+";
        return Choice.fast(how + gemm.name(), "uint8 x int8 -> int32, requantized per channel"
                + layouts(v), p -> new Int8ConvStep(g, gemm, wb, bias, mult, xZero, yZp.getLong(0), yZp.dtype(),
                        v.out(0), v.read(0), p.slot(v.node().output(0), yZp.dtype(), v.out(0)), v.workers(),
                        inputChannelsLast, v.channelsLast(v.node().output(0))));
    }

    /** Depthwise QLinearConv (group == C == M) on the channels-last integer depthwise kernel. */
    private static Choice depthwise(NodeView v, ConvGeometry g, Tensor w) {
        if (!DepthwiseConv.supports(g)) return Choice.reference("grouped integer convolution is not planned");
        int[] bias = v.has(8) ? v.constant(8).ints() : null;
        float[] mult = multipliers(v.constant(1), v.constant(4), v.constant(6), g.outChannels());
        for (float m : mult) if (!Float.isFinite(m)) return Choice.reference("requantization multiplier not finite");
        if (g.kernelH() * g.kernelW() > Int8Depthwise.MAX_TAPS) {
            return Choice.reference("window too large for exact float sums");
        }
        int xZero = (int) v.constant(2).getLong(0);
        Tensor yZp = v.constant(7);
        Int8Depthwise kernel = Kernels.int8Depthwise();
        return Choice.fast("depthwise-nhwc+" + kernel.name(), "group == C == M, exact integer sums, requantized per channel"
                + layouts(v), p -> new Int8DepthwiseStep(g, kernel, w.bytes(), bias, mult, xZero, yZp.getLong(0),
                        yZp.dtype(), v.out(0), v.read(0), p.slot(v.node().output(0), yZp.dtype(), v.out(0)),
                        v.workers(), v.channelsLast(v.node().input(0)), v.channelsLast(v.node().output(0)),
                        v.kernels().elementwise()));
    }

    /** How the plan stores the node's input and output, when either is channels-last. */
    private static String layouts(NodeView v) {
        boolean in = v.channelsLast(v.node().input(0));
        boolean out = v.channelsLast(v.node().output(0));
        if (!in && !out) return "";
        return ", " + (in ? "NHWC" : "NCHW") + " in, " + (out ? "NHWC" : "NCHW") + " out";
    }

    static Choice qLinearMatMul(NodeView v) {
        String why = requireQuantized(v, 0, 3, new int[] {1, 2, 4, 5, 6, 7});
        if (why != null) return Choice.reference(why);
        Shape a = v.in(0);
        Tensor b = v.constant(3);
        if (b.rank() != 2 || a.rank() < 1 || a.dim(a.rank() - 1) != b.shape().dim(0)) {
            return Choice.reference("B is not a 2-D matrix matching A");
        }
        if (v.constant(1).size() != 1 || v.constant(2).size() != 1) {
            return Choice.reference("per-row A scales or zero points are not planned");
        }
        int k = (int) b.shape().dim(0);
        int n = (int) b.shape().dim(1);
        int rows = (int) (a.size() / Math.max(1, k));
        Int8Weights weights = Int8Weights.of(b.bytes(), 0, k, n);
        float[] mult = multipliers(v.constant(1), v.constant(4), v.constant(6), n);
        Tensor yZp = v.constant(7);
        int aZero = (int) v.constant(2).getLong(0);
        Int8Gemm gemm = Kernels.int8Gemm();
        return Choice.fast(gemm.name(), "uint8 x int8 -> int32, " + rows + "x" + n + "x" + k, p ->
                new Int8MatMulStep(gemm, weights, rows, mult, aZero, yZp.getLong(0), yZp.dtype(), v.out(0),
                        v.read(0), p.slot(v.node().output(0), yZp.dtype(), v.out(0)), v.workers()));
    }

    /** Per-tensor QuantizeLinear of a float32 value with a static shape into int8 or uint8. */
    static Choice quantize(NodeView v) {
        if (v.shapes().dtype(v.node().input(0)) != DType.FLOAT32 || v.in(0) == null || v.constant(1) == null
                || v.constant(1).size() != 1) {
            return Choice.reference("not a per-tensor quantization of float32");
        }
        if (v.has(2) && (v.constant(2) == null || v.constant(2).size() != 1)) return Choice.reference("zero point");
        Tensor zp = v.has(2) ? v.constant(2) : null;
        DType type = zp == null ? DType.UINT8 : zp.dtype();
        if (type != DType.UINT8 && type != DType.INT8) return Choice.reference("only 8-bit outputs are planned");
        float scale = v.constant(1).getFloat(0);
        long zero = zp == null ? 0 : zp.getLong(0);
        return Choice.fast("quantize", "per-tensor, " + type.name().toLowerCase() + ", " + v.kernels().elementwise().name(),
                p -> new QuantizeStep(v.kernels().elementwise(), scale, zero, type, v.in(0), v.read(0),
                        p.slot(v.node().output(0), type, v.in(0))));
    }

    /** Per-tensor DequantizeLinear of an 8-bit value with a static shape into float32. */
    static Choice dequantize(NodeView v) {
        DType type = v.shapes().dtype(v.node().input(0));
        if (type != DType.UINT8 && type != DType.INT8 || v.in(0) == null || v.constant(1) == null
                || v.constant(1).size() != 1 || v.shapes().dtype(v.node().output(0)) != DType.FLOAT32) {
            return Choice.reference("not a per-tensor dequantization of 8-bit values");
        }
        if (v.has(2) && (v.constant(2) == null || v.constant(2).size() != 1)) return Choice.reference("zero point");
        float scale = v.constant(1).getFloat(0);
        int zero = v.has(2) ? (int) v.constant(2).getLong(0) : 0;
        int count = (int) v.in(0).size();
        return Choice.fast("dequantize", "per-tensor, " + type.name().toLowerCase() + ", "
                + v.kernels().elementwise().name(), p -> new DequantizeStep(v.kernels().elementwise(), scale, zero,
                DequantizeStep.isUnsigned(type), count, v.read(0), v.write(0)));
    }

    /** Null when input {@code x} is uint8 with a static shape, {@code w} constant int8 and the rest constant. */
    private static String requireQuantized(NodeView v, int x, int w, int[] constants) {
        if (v.shapes().dtype(v.node().input(x)) != DType.UINT8 || v.in(x) == null) {
            return "activations are not uint8 with a static shape";
        }
        Tensor weights = v.constant(w);
        if (weights == null || weights.dtype() != DType.INT8) return "weights are not constant int8";
        for (int c : constants) if (v.constant(c) == null) return "scales or zero points are not constant";
        Tensor wZero = v.constant(constants[3]);
        for (long i = 0; i < wZero.size(); i++) {
            if (wZero.getLong(i) != 0) return "weight zero points are not 0";
        }
        if (v.out(0) == null) return "output shape not static";
        return null;
    }

    /** {@code x_scale * w_scale[c] / y_scale}, as the reference computes it. */
    private static float[] multipliers(Tensor xScale, Tensor wScale, Tensor yScale, int channels) {
        float[] out = new float[channels];
        for (int c = 0; c < channels; c++) {
            out[c] = QuantMath.requantizeMultiplier(xScale.getFloat(0), wScale.getFloat(wScale.size() == 1 ? 0 : c),
                    yScale.getFloat(0));
        }
        return out;
    }
}
