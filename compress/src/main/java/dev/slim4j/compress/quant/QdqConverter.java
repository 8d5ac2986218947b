package dev.slim4j.compress.quant;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.Value;
import dev.slim4j.ir.op.Cast;
import dev.slim4j.ir.op.DequantizeLinear;
import dev.slim4j.ir.op.QuantizeLinear;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.tensor.quant.QuantParams;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Writes the QDQ form: a QuantizeLinear / DequantizeLinear pair after every observed activation (read
 * through the pair by every consumer that is not excluded), weights as integer initializers behind a
 * DequantizeLinear (per channel with {@code axis}), biases as INT32 with {@code scale = s_in * s_w} (zero
 * point omitted: 0);
 * or, for half-precision weights, FLOAT16 / BFLOAT16 initializers behind a Cast. Returns a new graph.
 */
final class QdqConverter {
    private final Prepared prepared;
    private final Graph graph;
    private final ScaleTable scales;
    private final QuantConfig config;
    private final ValueNames names;
    private final Graph.Builder out;
    private final Map<String, String> dequantized = new HashMap<>();
    private final Map<String, List<Node>> after = new HashMap<>();
    private final Map<String, Tensor> weightScales = new HashMap<>();

    QdqConverter(Prepared prepared, ScaleTable scales) {
        this.prepared = prepared;
        this.graph = prepared.model().graph();
        this.scales = scales;
        this.config = prepared.config();
        this.names = new ValueNames(graph);
        this.out = graph.toBuilder();
    }

    Graph convert() {
        for (String v : prepared.observed()) quantizeActivation(v, scales.get(v));
        Map<Node, Node> rewritten = new HashMap<>();
        Map<Node, List<Node>> before = new HashMap<>();
        for (Target t : prepared.targets()) {
            List<Node> prefix = new ArrayList<>();
            List<String> inputs = new ArrayList<>(t.node().inputs());
            t.weight().ifPresent(w -> inputs.set(1, weight(t, w, prefix)));
            t.bias().ifPresent(b -> inputs.set(2, bias(t, b, prefix)));
            before.put(t.node(), prefix);
            rewritten.put(t.node(), t.node().withInputs(inputs));
        }
        List<Node> nodes = new ArrayList<>();
        for (Value v : graph.inputs()) nodes.addAll(after.getOrDefault(v.name(), List.of()));
        for (Node n : graph.nodes()) {
            nodes.addAll(before.getOrDefault(n, List.of()));
            nodes.add(readDequantized(rewritten.getOrDefault(n, n)));
            for (String o : n.outputs()) nodes.addAll(after.getOrDefault(o, List.of()));
        }
        out.nodes(nodes);
        return out.build();
    }

    /** Q and DQ nodes after {@code v}; consumers switch to the DQ output in {@link #readDequantized}. */
    private void quantizeActivation(String v, TensorScale s) {
        QuantParams p = s.params();
        String scale = constant(v + "_scale", Tensor.scalar(p.scale()));
        String zero = constant(v + "_zero_point", scalar(p.type(), p.zeroPoint()));
        String q = names.fresh(v + "_quantized");
        String dq = names.fresh(v + "_dequantized");
        Node qn = new Node(names.fresh(v + "_QuantizeLinear"), new QuantizeLinear(Optional.empty()), List.of(v, scale, zero), List.of(q));
        Node dqn = new Node(names.fresh(v + "_DequantizeLinear"), new DequantizeLinear(Optional.empty()), List.of(q, scale, zero), List.of(dq));
        after.put(v, List.of(qn, dqn));
        dequantized.put(v, dq);
    }

    private Node readDequantized(Node n) {
        if (config.excludes(n.name(), n.op().opType())) return n;
        List<String> inputs = n.inputs().stream().map(i -> dequantized.getOrDefault(i, i)).toList();
        return n.withInputs(inputs);
    }

    /** The weight's replacement value: DequantizeLinear of its integer form, or Cast of its half form. */
    private String weight(Target t, String w, List<Node> prefix) {
        Tensor value = graph.initializer(w).orElseThrow();
        return switch (config.weightsFor(t.node().name())) {
            case QuantSpec spec -> {
                OptionalInt axis = t.weightAxis(spec.granularity());
                QuantizedWeight q = WeightQuantizer.quantize(value, spec, axis);
                weightScales.put(t.node().name(), q.scales());
                yield dequantize(w, q, prefix);
            }
            case HalfPrecision h -> cast(w, WeightQuantizer.toHalf(value, h), prefix);
        };
    }

    /** The bias as INT32 (static mode, quantized input and integer weight) or half precision; float otherwise. */
    private String bias(Target t, String b, List<Node> prefix) {
        Tensor value = graph.initializer(b).orElseThrow();
        if (config.weights() instanceof HalfPrecision h) return cast(b, WeightQuantizer.toHalf(value, h), prefix);
        Tensor ws = weightScales.get(t.node().name());
        String input = t.activations().getFirst();
        if (config.mode() != Mode.STATIC || ws == null || !scales.tensors().containsKey(input)) return b;
        float inputScale = scales.get(input).params().scale();
        return dequantize(b, WeightQuantizer.quantizeBias(value, inputScale, ws), prefix);
    }

    private String dequantize(String w, QuantizedWeight q, List<Node> prefix) {
        String values = names.fresh(w + "_quantized");
        out.initializer(values, q.values());
        String scale = names.fresh(w + "_scale");
        out.initializer(scale, q.scales());
        List<String> inputs = new ArrayList<>(List.of(values, scale));
        if (q.values().dtype() != DType.INT32) {
            String zero = names.fresh(w + "_zero_point");
            out.initializer(zero, q.zeroPoints());
            inputs.add(zero);
        }
        String dq = names.fresh(w + "_dequantized");
        Optional<Long> axis = q.axis().isPresent() ? Optional.of((long) q.axis().getAsInt()) : Optional.empty();
        prefix.add(new Node(names.fresh(w + "_DequantizeLinear"), new DequantizeLinear(axis), inputs, List.of(dq)));
        return dq;
    }

    private String cast(String w, Tensor half, List<Node> prefix) {
        String stored = names.fresh(w + "_" + half.dtype().name().toLowerCase(java.util.Locale.ROOT));
        out.initializer(stored, half);
        String f = names.fresh(w + "_float");
        prefix.add(new Node(names.fresh(w + "_Cast"), new Cast(DType.FLOAT32), List.of(stored), List.of(f)));
        return f;
    }

    private String constant(String base, Tensor t) {
        String n = names.fresh(base);
        out.initializer(n, t);
        return n;
    }

    static Tensor scalar(DType type, long v) {
        Tensor t = Tensor.allocate(type, Shape.scalar());
        t.setLong(0, v);
        return t;
    }

    /** Fails unless the model's default-domain opset has per-axis QuantizeLinear / DequantizeLinear (13 on). */
    static void requirePerAxisOpset(Model m) {
        long opset = m.opset("");
        if (opset < 13) {
            throw new IllegalArgumentException("QDQ quantization writes per-axis DequantizeLinear (opset 13 or later); the model imports opset "
                    + opset + ", convert it to opset 13+ first");
        }
    }
}
