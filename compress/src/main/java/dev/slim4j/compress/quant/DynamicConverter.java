package dev.slim4j.compress.quant;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.op.Binary;
import dev.slim4j.ir.op.BinaryFunction;
import dev.slim4j.ir.op.Cast;
import dev.slim4j.ir.op.DynamicQuantizeLinear;
import dev.slim4j.ir.op.Gemm;
import dev.slim4j.ir.op.MatMulInteger;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Dynamic quantization of Gemm and MatMul in the form ONNX Runtime's {@code quantize_dynamic} writes:
 * {@code DynamicQuantizeLinear(x) -> MatMulInteger(x_q, W_q, x_zp, W_zp) -> Cast(FLOAT) -> Mul(x_scale * W_scale)},
 * then {@code Add(beta * C)} for a Gemm bias. Gemm's alpha is folded into the weight scale, transB into
 * the stored weight (always [K, N]). Returns a new graph.
 */
final class DynamicConverter {
    private final Prepared prepared;
    private final Graph graph;
    private final QuantSpec spec;
    private final ValueNames names;
    private final Graph.Builder out;
    private final Map<String, List<String>> quantizedInputs = new HashMap<>();

    DynamicConverter(Prepared prepared) {
        this.prepared = prepared;
        this.graph = prepared.model().graph();
        if (!(prepared.config().weights() instanceof QuantSpec s)) {
            throw new IllegalArgumentException("dynamic quantization needs integer weights, found " + prepared.config().weights());
        }
        this.spec = s;
        this.names = new ValueNames(graph);
        this.out = graph.toBuilder();
    }

    Graph convert() {
        Map<Node, List<Node>> replacement = new HashMap<>();
        for (Target t : prepared.targets()) replacement.put(t.node(), lower(t));
        List<Node> nodes = new ArrayList<>();
        for (Node n : graph.nodes()) nodes.addAll(replacement.getOrDefault(n, List.of(n)));
        out.nodes(nodes);
        return out.build();
    }

    private List<Node> lower(Target t) {
        Node n = t.node();
        List<Node> nodes = new ArrayList<>();
        List<String> xq = quantizeInput(n.input(0), nodes);
        float alpha = 1;
        Tensor w = graph.initializer(t.weight().orElseThrow()).orElseThrow();
        if (n.op() instanceof Gemm g) {
            alpha = g.alpha();
            if (g.transB() != 0) w = transpose(w);
        }
        OptionalInt axis = spec.granularity() instanceof Granularity.PerTensor ? OptionalInt.empty() : OptionalInt.of(1);
        QuantizedWeight q = WeightQuantizer.quantize(w, spec, axis);
        String base = n.name().isEmpty() ? n.output(0) : n.name();
        String wq = constant(t.weight().get() + "_quantized", q.values());
        String wzp = constant(t.weight().get() + "_zero_point", q.zeroPoints());
        String wscale = constant(t.weight().get() + "_scale", scaled(q.scales(), alpha));
        String acc = names.fresh(base + "_MatMulInteger_output");
        nodes.add(node(base + "_MatMulInteger", new MatMulInteger(), List.of(xq.get(0), wq, xq.get(2), wzp), acc));
        String accf = names.fresh(base + "_Cast_output");
        nodes.add(node(base + "_Cast", new Cast(DType.FLOAT32), List.of(acc), accf));
        String scale = names.fresh(base + "_scale");
        nodes.add(node(base + "_scale_Mul", new Binary(BinaryFunction.MUL), List.of(xq.get(1), wscale), scale));
        boolean hasBias = n.op() instanceof Gemm && !n.input(2).isEmpty();
        String y = hasBias ? names.fresh(base + "_Mul_output") : n.output(0);
        nodes.add(node(base + "_output_Mul", new Binary(BinaryFunction.MUL), List.of(accf, scale), y));
        if (hasBias) {
            Gemm g = (Gemm) n.op();
            String c = n.input(2);
            if (g.beta() != 1) {
                Tensor cv = graph.initializer(c).orElseThrow(() -> new IllegalArgumentException(
                        n.describe() + ": dynamic quantization needs a constant C when beta != 1"));
                c = constant(c + "_scaled", scaled(cv, g.beta()));
            }
            nodes.add(node(base + "_bias_Add", new Binary(BinaryFunction.ADD), List.of(y, c), n.output(0)));
        }
        return nodes;
    }

    /** DynamicQuantizeLinear of {@code x}, made once however many nodes read it: [x_q, x_scale, x_zero_point]. */
    private List<String> quantizeInput(String x, List<Node> nodes) {
        List<String> known = quantizedInputs.get(x);
        if (known != null) return known;
        List<String> outs = List.of(names.fresh(x + "_quantized"), names.fresh(x + "_scale"), names.fresh(x + "_zero_point"));
        nodes.add(new Node(names.fresh(x + "_DynamicQuantizeLinear"), new DynamicQuantizeLinear(), List.of(x), outs));
        quantizedInputs.put(x, outs);
        return outs;
    }

    private Node node(String name, dev.slim4j.ir.op.Op op, List<String> inputs, String output) {
        return new Node(names.fresh(name), op, inputs, List.of(output));
    }

    private String constant(String base, Tensor t) {
        String n = names.fresh(base);
        out.initializer(n, t);
        return n;
    }

    private static Tensor scaled(Tensor t, float factor) {
        Tensor s = Tensor.allocate(DType.FLOAT32, t.shape());
        for (long i = 0; i < t.size(); i++) s.setFloat(i, t.getFloat(i) * factor);
        return s;
    }

    private static Tensor transpose(Tensor w) {
        int rows = w.shape().dim(0);
        int cols = w.shape().dim(1);
        Tensor t = Tensor.allocate(w.dtype(), Shape.of(cols, rows));
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) t.setFloat((long) c * rows + r, w.getFloat((long) r * cols + c));
        return t;
    }
}
