package dev.slim4j.ir.pass;

import dev.slim4j.ir.Node;
import dev.slim4j.ir.Graph;
import dev.slim4j.ir.op.AutoPad;
import dev.slim4j.ir.op.Clip;
import dev.slim4j.ir.op.Conv;
import dev.slim4j.ir.op.DequantizeLinear;
import dev.slim4j.ir.op.Flatten;
import dev.slim4j.ir.op.Gemm;
import dev.slim4j.ir.op.MatMul;
import dev.slim4j.ir.op.MaxPool;
import dev.slim4j.ir.op.Op;
import dev.slim4j.ir.op.QLinearConv;
import dev.slim4j.ir.op.QLinearMatMul;
import dev.slim4j.ir.op.QuantizeLinear;
import dev.slim4j.ir.op.Reshape;
import dev.slim4j.ir.op.Unary;
import dev.slim4j.ir.op.UnaryFunction;
import dev.slim4j.ir.rewrite.GraphIndex;
import dev.slim4j.ir.rewrite.Match;
import dev.slim4j.ir.rewrite.Pattern;
import dev.slim4j.ir.rewrite.Rewrite;
import dev.slim4j.ir.rewrite.Rule;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lowers QDQ patterns (as ONNX Runtime's quantizer writes them) to integer ops: {@code Q(Conv(DQ(x), DQ(w),
 * DQ(b)?))} to QLinearConv, {@code Q(MatMul(DQ(a), DQ(b)))} to QLinearMatMul and {@code Q(Gemm(DQ(x), DQ(w),
 * DQ(b)?))} to a 1x1 QLinearConv between two Reshapes, with constant weights, per-tensor
 * activation parameters, and a bias quantized with scale {@code x_scale * w_scale}; a ReLU or Clip (ReLU6) between
 * the op and Q is dropped when its bounds lie at or beyond Q's saturation (Q then clamps the same way). {@code Q(MaxPool(DQ(x)))}
 * pools the integers x ({@code Q(DQ(.))} is monotonic, so it commutes with the maximum): the MaxPool alone when Q
 * has DQ's parameters, else followed by that DQ and Q on the 4x smaller pooled tensor; a per-tensor Q after a
 * Flatten moves before it (so that {@code Flatten(MaxPool(...))} pools integers too). The float op's output must
 * feed the Q (or ReLU) only.
 */
public final class FoldQdqIntoIntegerOps implements Pass {
    private static final ApplyRewrites REWRITES = new ApplyRewrites("FoldQdqIntoIntegerOps", List.of(
            new Rule("Q(Conv(DQ, DQ, DQ?)) into QLinearConv", Pattern.op("q", QuantizeLinear.class)
                    .input(0, Pattern.op("op", Conv.class).singleUse()), FoldQdqIntoIntegerOps::conv),
            new Rule("Q(Relu|Clip(Conv(DQ, DQ, DQ?))) into QLinearConv", Pattern.op("q", QuantizeLinear.class)
                    .input(0, Pattern.op("relu", FoldQdqIntoIntegerOps::isRectifier).singleUse()
                            .input(0, Pattern.op("op", Conv.class).singleUse())), FoldQdqIntoIntegerOps::conv),
            new Rule("Q(MatMul(DQ, DQ)) into QLinearMatMul", Pattern.op("q", QuantizeLinear.class)
                    .input(0, Pattern.op("op", MatMul.class).singleUse()), FoldQdqIntoIntegerOps::matMul),
            new Rule("Q(Gemm(DQ, DQ, DQ?)) into a 1x1 QLinearConv", Pattern.op("q", QuantizeLinear.class)
                    .input(0, Pattern.op("op", Gemm.class).singleUse()), FoldQdqIntoIntegerOps::gemm),
            new Rule("Q(Relu|Clip(Gemm(DQ, DQ, DQ?))) into a 1x1 QLinearConv", Pattern.op("q", QuantizeLinear.class)
                    .input(0, Pattern.op("relu", FoldQdqIntoIntegerOps::isRectifier).singleUse()
                            .input(0, Pattern.op("op", Gemm.class).singleUse())), FoldQdqIntoIntegerOps::gemm),
            new Rule("Q(Flatten(x)) into Flatten(Q(x))", Pattern.op("q", QuantizeLinear.class)
                    .input(0, Pattern.op("op", Flatten.class).singleUse()), FoldQdqIntoIntegerOps::quantizeFirst),
            new Rule("Q(MaxPool(DQ)) into a MaxPool of the integers", Pattern.op("q", QuantizeLinear.class)
                    .input(0, Pattern.op("op", MaxPool.class).singleUse()), FoldQdqIntoIntegerOps::maxPool)));

    @Override public Graph apply(Graph graph) { return REWRITES.apply(graph); }

    private static boolean isRectifier(Op op) {
        return op instanceof Unary(UnaryFunction f) && f == UnaryFunction.RELU || op instanceof Clip;
    }

    /**
     * Whether dropping the ReLU or Clip {@code act} before Q leaves Q's result unchanged: its bounds quantize
     * to at or beyond Q's saturation ({@code round(lo / scale) + zero <= qmin}, {@code round(hi / scale) + zero
     * >= qmax}; ReLU's 0 needs the zero point at qmin), so every value it clamps saturates the same way.
     */
    private static boolean clampsLikeQ(GraphIndex g, Node act, Node q) {
        if (act.op() instanceof Unary) return zeroIsMinimum(g, q);
        Clip clip = (Clip) act.op();
        Optional<Float> lo = clip.min().isPresent() || act.input(1).isEmpty() ? clip.min()
                : g.constant(act.input(1)).map(t -> t.getFloat(0));
        Optional<Float> hi = clip.max().isPresent() || act.input(2).isEmpty() ? clip.max()
                : g.constant(act.input(2)).map(t -> t.getFloat(0));
        if (!act.input(1).isEmpty() && lo.isEmpty() || !act.input(2).isEmpty() && hi.isEmpty()) return false;
        Optional<Tensor> scale = g.constant(q.input(1));
        if (scale.isEmpty() || scale.get().size() != 1) return false;
        float s = scale.get().getFloat(0);
        DType type = DType.UINT8;
        long zero = 0;
        if (!q.input(2).isEmpty()) {
            Optional<Tensor> z = g.constant(q.input(2));
            if (z.isEmpty()) return false;
            type = z.get().dtype();
            zero = z.get().getLong(0);
        }
        long qmin = type == DType.INT8 ? -128 : 0;
        long qmax = type == DType.INT8 ? 127 : 255;
        return (lo.isEmpty() || Math.rint(lo.get() / s) + zero <= qmin)
                && (hi.isEmpty() || Math.rint(hi.get() / s) + zero >= qmax);
    }

    /** The parameters of one DequantizeLinear input: value, scale, zero point (maybe absent), axis. */
    private record Dq(String value, String scale, String zero, long axis) {}

    private static Optional<Dq> dq(GraphIndex g, String value) {
        Optional<Node> p = g.producer(value);
        if (p.isEmpty() || !(p.get().op() instanceof DequantizeLinear d)) return Optional.empty();
        Node n = p.get();
        return Optional.of(new Dq(n.input(0), n.input(1), n.input(2), d.axis().orElse(1L)));
    }

    private static Optional<Rewrite> conv(Match m, GraphIndex g) {
        Node q = m.root();
        Node conv = m.node("op");
        if (m.nodes().containsKey("relu") && !clampsLikeQ(g, m.node("relu"), q)) return Optional.empty();
        Optional<Dq> x = dq(g, conv.input(0));
        Optional<Dq> w = dq(g, conv.input(1));
        if (x.isEmpty() || w.isEmpty() || !perTensor(g, x.get().scale()) || !perTensor(g, q.input(1))) {
            return Optional.empty();
        }
        Optional<Tensor> ws = g.constant(w.get().scale());
        if (!g.isConstant(w.get().value()) || ws.isEmpty() || (ws.get().size() > 1 && w.get().axis() != 0)) {
            return Optional.empty();
        }
        Map<String, Tensor> extra = new LinkedHashMap<>();
        List<String> in = new ArrayList<>(List.of(x.get().value(), x.get().scale(), zero(g, x.get(), q, extra),
                w.get().value(), w.get().scale(), zero(g, w.get(), q, extra), q.input(1), outputZero(g, q, extra)));
        if (!conv.input(2).isEmpty()) {
            Optional<String> bias = bias(g, conv.input(2), x.get(), ws.get());
            if (bias.isEmpty()) return Optional.empty();
            in.add(bias.get());
        }
        Conv c = (Conv) conv.op();
        QLinearConv op = new QLinearConv(c.autoPad(), c.dilations(), c.group(), c.kernelShape(), c.pads(), c.strides());
        return Rewrite.of(new Node(conv.name(), op, in, q.outputs()), extra);
    }

    private static Optional<Rewrite> matMul(Match m, GraphIndex g) {
        Node q = m.root();
        Node mm = m.node("op");
        Optional<Dq> a = dq(g, mm.input(0));
        Optional<Dq> b = dq(g, mm.input(1));
        if (a.isEmpty() || b.isEmpty() || !perTensor(g, a.get().scale()) || !perTensor(g, q.input(1))
                || !g.isConstant(b.get().value()) || !perTensor(g, b.get().scale())) {
            return Optional.empty();
        }
        Map<String, Tensor> extra = new LinkedHashMap<>();
        List<String> in = List.of(a.get().value(), a.get().scale(), zero(g, a.get(), q, extra), b.get().value(),
                b.get().scale(), zero(g, b.get(), q, extra), q.input(1), outputZero(g, q, extra));
        return Rewrite.of(new Node(mm.name(), new QLinearMatMul(), in, q.outputs()), extra);
    }

    /** {@code Q(Flatten(x))} as {@code Flatten(Q(x))}: a per-tensor Q moves elements, not their values. */
    private static Optional<Rewrite> quantizeFirst(Match m, GraphIndex g) {
        Node q = m.root();
        Node flatten = m.node("op");
        if (!perTensor(g, q.input(1)) || !perTensorZero(g, q.input(2))) return Optional.empty();
        String quantized = g.freshName(flatten.input(0) + ".quantized");
        List<String> qInputs = new ArrayList<>(q.inputs());
        qInputs.set(0, flatten.input(0));
        return Optional.of(new Rewrite(List.of(
                new Node(q.name(), q.op(), qInputs, List.of(quantized)),
                new Node(flatten.name(), flatten.op(), List.of(quantized), q.outputs())), new LinkedHashMap<>()));
    }

    private static Optional<Rewrite> maxPool(Match m, GraphIndex g) {
        Node q = m.root();
        Node pool = m.node("op");
        if (pool.outputs().size() > 1 && !pool.output(1).isEmpty()) return Optional.empty();
        Optional<Node> dq = g.producer(pool.input(0));
        if (dq.isEmpty() || !(dq.get().op() instanceof DequantizeLinear)) return Optional.empty();
        Node d = dq.get();
        DType type = g.type(d.input(0)).map(t -> t.dtype()).orElse(DType.FLOAT32);
        if (type != DType.UINT8 && type != DType.INT8) return Optional.empty();
        if (!perTensor(g, d.input(1)) || !perTensor(g, q.input(1)) || !perTensorZero(g, d.input(2))
                || !perTensorZero(g, q.input(2))) {
            return Optional.empty();
        }
        if (sameConstant(g, d.input(1), q.input(1)) && sameZero(g, d, q)) {
            return Rewrite.of(new Node(pool.name(), pool.op(), List.of(d.input(0)), q.outputs()));
        }
        String pooled = g.freshName(pool.name() + ".integers");
        String dequantized = g.freshName(pool.name() + ".dequantized");
        List<String> dqInputs = new ArrayList<>(d.inputs());
        dqInputs.set(0, pooled);
        List<String> qInputs = new ArrayList<>(q.inputs());
        qInputs.set(0, dequantized);
        return Optional.of(new Rewrite(List.of(
                new Node(pool.name(), pool.op(), List.of(d.input(0)), List.of(pooled)),
                new Node(d.name() + "_after_" + pool.name(), d.op(), dqInputs, List.of(dequantized)),
                new Node(q.name(), q.op(), qInputs, q.outputs())), new LinkedHashMap<>()));
    }

    /** An absent zero point, or a constant one of one element. */
    private static boolean perTensorZero(GraphIndex g, String zero) {
        return zero.isEmpty() || g.constant(zero).filter(t -> t.size() == 1).isPresent();
    }

    private static boolean sameConstant(GraphIndex g, String a, String b) {
        Optional<Tensor> x = g.constant(a);
        Optional<Tensor> y = g.constant(b);
        return x.isPresent() && y.isPresent() && x.get().dtype() == y.get().dtype()
                && x.get().getDouble(0) == y.get().getDouble(0);
    }

    /** The same zero point value and type (an absent one is uint8 0). */
    private static boolean sameZero(GraphIndex g, Node dq, Node q) {
        Optional<Tensor> a = dq.input(2).isEmpty() ? Optional.of(Tensor.ofBytes(DType.UINT8, Shape.scalar(), (byte) 0))
                : g.constant(dq.input(2));
        Optional<Tensor> b = q.input(2).isEmpty() ? Optional.of(Tensor.ofBytes(DType.UINT8, Shape.scalar(), (byte) 0))
                : g.constant(q.input(2));
        return a.isPresent() && b.isPresent() && a.get().dtype() == b.get().dtype()
                && a.get().getLong(0) == b.get().getLong(0);
    }

    /**
     * {@code Gemm(x [M, K], w, b)} (alpha 1, beta 1, no transA, constant w) as the 1x1 convolution of x viewed as
     * [M, K, 1, 1] by w as [N, K, 1, 1]: {@code Reshape -> QLinearConv -> Reshape}, all integer.
     */
    private static Optional<Rewrite> gemm(Match m, GraphIndex g) {
        Node q = m.root();
        Node gemm = m.node("op");
        Gemm op = (Gemm) gemm.op();
        if (m.nodes().containsKey("relu") && !clampsLikeQ(g, m.node("relu"), q)) return Optional.empty();
        if (op.alpha() != 1f || op.transA() != 0 || (!gemm.input(2).isEmpty() && op.beta() != 1f)) {
            return Optional.empty();
        }
        Optional<Dq> x = dq(g, gemm.input(0));
        Optional<Dq> w = dq(g, gemm.input(1));
        if (x.isEmpty() || w.isEmpty() || !perTensor(g, x.get().scale()) || !perTensor(g, q.input(1))) {
            return Optional.empty();
        }
        Optional<Tensor> wq = g.constant(w.get().value());
        Optional<Tensor> ws = g.constant(w.get().scale());
        if (wq.isEmpty() || wq.get().rank() != 2 || ws.isEmpty()) return Optional.empty();
        boolean transB = op.transB() != 0;
        long outAxis = transB ? 0 : 1; // the axis of w holding the N outputs
        if (ws.get().size() > 1 && w.get().axis() != outAxis) return Optional.empty();
        Tensor weights = transB ? wq.get() : transpose(wq.get());
        long n = weights.shape().dim(0);
        long k = weights.shape().dim(1);
        Map<String, Tensor> extra = new LinkedHashMap<>();
        String w4 = g.freshName(gemm.name() + ".w");
        extra.put(w4, weights.reshape(Shape.ofLongs(new long[] {n, k, 1, 1})));
        String toImage = g.freshName(gemm.name() + ".as_image");
        extra.put(toImage, Tensor.vector(-1, k, 1, 1));
        String toMatrix = g.freshName(gemm.name() + ".as_matrix");
        extra.put(toMatrix, Tensor.vector(-1, n));
        String xImage = g.freshName(gemm.name() + ".x_image");
        String yImage = g.freshName(gemm.name() + ".y_image");
        List<String> in = new ArrayList<>(List.of(xImage, x.get().scale(), zero(g, x.get(), q, extra), w4,
                w.get().scale(), zero(g, w.get(), q, extra), q.input(1), outputZero(g, q, extra)));
        if (!gemm.input(2).isEmpty()) {
            Optional<String> bias = bias(g, gemm.input(2), x.get(), ws.get());
            if (bias.isEmpty() || g.constant(bias.get()).map(t -> t.size() != n).orElse(true)) return Optional.empty();
            in.add(bias.get());
        }
        QLinearConv conv = new QLinearConv(AutoPad.NOTSET, List.of(), 1, List.of(1L, 1L), List.of(), List.of());
        return Optional.of(new Rewrite(List.of(
                new Node(gemm.name() + "_as_image", new Reshape(false), List.of(x.get().value(), toImage),
                        List.of(xImage)),
                new Node(gemm.name(), conv, in, List.of(yImage)),
                new Node(gemm.name() + "_as_matrix", new Reshape(false), List.of(yImage, toMatrix), q.outputs())),
                new LinkedHashMap<>(extra)));
    }

    private static Tensor transpose(Tensor w) {
        int rows = (int) w.shape().dim(0);
        int cols = (int) w.shape().dim(1);
        byte[] src = w.bytes();
        byte[] dst = new byte[src.length];
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) dst[c * rows + r] = src[r * cols + c];
        return Tensor.ofBytes(w.dtype(), Shape.of(cols, rows), dst);
    }

    /** The bias as int32 when it is DQ(int32 constant, x_scale * w_scale, 0), as quantizers write it. */
    private static Optional<String> bias(GraphIndex g, String value, Dq x, Tensor ws) {
        Optional<Dq> b = dq(g, value);
        if (b.isEmpty() || g.constant(b.get().value()).filter(t -> t.dtype() == DType.INT32).isEmpty()) {
            return Optional.empty();
        }
        Optional<Tensor> bs = g.constant(b.get().scale());
        Optional<Tensor> xs = g.constant(x.scale());
        if (bs.isEmpty() || xs.isEmpty() || !b.get().zero().isEmpty() && !allZero(g.constant(b.get().zero()))) {
            return Optional.empty();
        }
        for (long i = 0; i < bs.get().size(); i++) {
            double expected = xs.get().getDouble(0) * ws.getDouble(ws.size() == 1 ? 0 : i);
            if (Math.abs(bs.get().getDouble(i) - expected) > 1e-6 * Math.abs(expected)) return Optional.empty();
        }
        return Optional.of(b.get().value());
    }

    private static boolean allZero(Optional<Tensor> t) {
        if (t.isEmpty()) return false;
        for (long i = 0; i < t.get().size(); i++) if (t.get().getLong(i) != 0) return false;
        return true;
    }

    private static boolean perTensor(GraphIndex g, String scale) {
        return g.constant(scale).filter(t -> t.size() == 1).isPresent();
    }

    /** The DQ's zero point, or a new zero constant of its value's type when the DQ has none. */
    private static String zero(GraphIndex g, Dq d, Node q, Map<String, Tensor> extra) {
        if (!d.zero().isEmpty()) return d.zero();
        DType type = g.type(d.value()).map(t -> t.dtype()).orElse(DType.UINT8);
        String name = g.freshName(q.name() + ".zero");
        extra.put(name, Tensor.ofBytes(type, Shape.scalar(), (byte) 0));
        return name;
    }

    private static String outputZero(GraphIndex g, Node q, Map<String, Tensor> extra) {
        if (!q.input(2).isEmpty()) return q.input(2);
        String name = g.freshName(q.name() + ".y_zero");
        extra.put(name, Tensor.ofBytes(DType.UINT8, Shape.scalar(), (byte) 0));
        return name;
    }

    /** Whether Q's zero point is the least value of its type (so Q clamps negatives to it, as ReLU would). */
    private static boolean zeroIsMinimum(GraphIndex g, Node q) {
        if (q.input(2).isEmpty()) return true; // uint8, zero point 0
        Optional<Tensor> z = g.constant(q.input(2));
        if (z.isEmpty()) return false;
        long min = z.get().dtype() == DType.INT8 ? -128 : 0;
        return z.get().getLong(0) == min;
    }
}
