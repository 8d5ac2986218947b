package dev.slim4j.runtime.plan;

import dev.slim4j.ir.op.AveragePool;
import dev.slim4j.ir.op.MaxPool;
import dev.slim4j.ir.op.SlidingWindow;
import dev.slim4j.kernels.PoolGeometry;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import java.util.List;

/** Selection for 2-D MaxPool and AveragePool over NCHW float32 and for global average / max pooling. */
final class PoolRule {
    private PoolRule() {}

    static Choice maxPool(NodeView v, MaxPool op) {
        if (v.node().outputs().size() > 1 && !v.node().output(1).isEmpty()) {
            return Choice.reference("the indices output is requested");
        }
        DType type = v.shapes().dtype(v.node().input(0));
        if (type == DType.UINT8 || type == DType.INT8) return integerMaxPool(v, op, type);
        return window(v, op.window(), op.kernelShape(), PoolStep.Kind.MAX, false);
    }

    /** MaxPool of quantized activations, on the bytes. */
    private static Choice integerMaxPool(NodeView v, MaxPool op, DType type) {
        if (v.in(0) == null || v.out(0) == null) return Choice.reference("not static shapes");
        PoolGeometry g = geometry(v.in(0), op.window(), op.kernelShape());
        if (g == null || g.outputSize() != v.out(0).size()) return Choice.reference("only 2-D pooling is planned");
        return Choice.fast("byte-pooling", "max pooling " + op.kernelShape() + " of " + type.name().toLowerCase(),
                p -> new Int8MaxPoolStep(g, type, v.out(0), v.read(0), p.slot(v.node().output(0), type, v.out(0)),
                        v.workers()));
    }

    static Choice averagePool(NodeView v, AveragePool op) {
        SlidingWindow w = new SlidingWindow(op.autoPad(), op.kernelShape(), op.strides(), op.pads(), op.dilations(),
                op.ceilMode() != 0);
        return window(v, w, op.kernelShape(), PoolStep.Kind.AVERAGE, op.countIncludePad() != 0);
    }

    static Choice global(NodeView v, PoolStep.Kind kind) {
        if (!v.staticFloat(0)) return Choice.reference("not float32 with static shapes");
        Shape x = v.in(0);
        if (x.rank() < 3) return Choice.reference("expected [N, C, spatial...]");
        int planes = (int) (x.dim(0) * x.dim(1));
        int spatial = (int) (x.size() / Math.max(1, planes));
        if (planes == 0 || spatial == 0) return Choice.reference("empty input");
        return Choice.fast(v.kernels().pooling().name(), "global pooling over " + spatial + " elements",
                p -> new PoolStep(kind, v.kernels().pooling(), null, false, planes, spatial, v.read(0), v.write(0),
                        v.workers()));
    }

    private static Choice window(NodeView v, SlidingWindow w, List<Long> kernel, PoolStep.Kind kind,
                                 boolean countIncludePad) {
        if (!v.staticFloat(0)) return Choice.reference("not float32 with static shapes");
        Shape x = v.in(0);
        if (x.rank() != 4 || kernel.size() != 2) return Choice.reference("only 2-D pooling is planned");
        if (x.size() == 0) return Choice.reference("empty input");
        PoolGeometry g = geometry(x, w, kernel);
        if (g == null) return Choice.reference("window or geometry not supported");
        if (g.outputSize() != v.out(0).size()) return Choice.reference("output shape does not match the window");
        return Choice.fast(v.kernels().pooling().name(), kind.name().toLowerCase() + " pooling " + kernel,
                p -> new PoolStep(kind, v.kernels().pooling(), g, countIncludePad, g.planes(), 0, v.read(0),
                        v.write(0), v.workers()));
    }

    /** The 2-D window of {@code w} over NCHW {@code x}, or null when it is not 2-D, empty or not resolvable. */
    private static PoolGeometry geometry(Shape x, SlidingWindow w, List<Long> kernel) {
        if (x.rank() != 4 || kernel.size() != 2 || x.size() == 0) return null;
        try {
            List<SlidingWindow.Axis> axes = w.resolve(new long[] {x.dim(2), x.dim(3)},
                    new long[] {kernel.get(0), kernel.get(1)});
            SlidingWindow.Axis h = axes.get(0);
            SlidingWindow.Axis wa = axes.get(1);
            return new PoolGeometry((int) x.dim(0), (int) x.dim(1), (int) x.dim(2), (int) x.dim(3),
                    kernel.get(0).intValue(), kernel.get(1).intValue(), (int) w.stride(0), (int) w.stride(1),
                    (int) h.padBegin(), (int) wa.padBegin(), (int) h.padEnd(), (int) wa.padEnd(),
                    (int) w.dilation(0), (int) w.dilation(1), (int) h.output(), (int) wa.output());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
