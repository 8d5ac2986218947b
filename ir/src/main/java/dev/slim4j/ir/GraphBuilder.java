package dev.slim4j.ir;

import dev.slim4j.ir.op.AutoPad;
import dev.slim4j.ir.op.AveragePool;
import dev.slim4j.ir.op.BatchNormalization;
import dev.slim4j.ir.op.Binary;
import dev.slim4j.ir.op.BinaryFunction;
import dev.slim4j.ir.op.Clip;
import dev.slim4j.ir.op.Concat;
import dev.slim4j.ir.op.Conv;
import dev.slim4j.ir.op.Flatten;
import dev.slim4j.ir.op.Gemm;
import dev.slim4j.ir.op.GlobalAveragePool;
import dev.slim4j.ir.op.MatMul;
import dev.slim4j.ir.op.MaxPool;
import dev.slim4j.ir.op.Op;
import dev.slim4j.ir.op.Ops;
import dev.slim4j.ir.op.Reshape;
import dev.slim4j.ir.op.Softmax;
import dev.slim4j.ir.op.SoftmaxFunction;
import dev.slim4j.ir.op.Transpose;
import dev.slim4j.ir.op.Unary;
import dev.slim4j.ir.op.UnaryFunction;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a model in Java, layer by layer: {@code var x = b.input("x", DType.FLOAT32, "N", 1, 28, 28);
 * var y = b.relu(b.conv(x, w, bias, 1, 2));}. Every method returns the name of the value it made.
 * Node, value and initializer names are generated and unique ({@code conv1}, {@code conv1.weight}),
 * or taken from {@link #named(String)}; weights are trainable initializers. Each node's types are
 * inferred as it is added, so a shape mistake fails at the line that made it, naming the node.
 */
public final class GraphBuilder {
    private final long opset;
    private final Graph.Builder graph;
    private final TypeInference types;
    private final Set<String> used = new HashSet<>();
    private final Map<String, Integer> counters = new HashMap<>();
    private String nextName;

    private GraphBuilder(String name, long opset) {
        this.opset = opset;
        this.graph = Graph.builder(name);
        this.types = new TypeInference(domain -> domain.isEmpty() ? opset : 1);
    }

    /** A builder for the default opset ({@link Model#DEFAULT_OPSET}). */
    public static GraphBuilder create(String name) { return new GraphBuilder(name, Model.DEFAULT_OPSET); }

    public static GraphBuilder create(String name, long opset) { return new GraphBuilder(name, opset); }

    public long opset() { return opset; }

    // ---- values -------------------------------------------------------------------------------

    /** A graph input; each dim is a number (fixed), a String (symbol such as "N"), a {@link Dim}, or null (unknown). */
    public String input(String name, DType dtype, Object... dims) {
        List<Dim> d = new ArrayList<>();
        for (Object o : dims) d.add(dim(o));
        return input(name, TensorType.of(dtype, d));
    }

    public String input(String name, TensorType type) {
        claim(name);
        graph.input(new Value(name, type));
        types.declare(name, type);
        return name;
    }

    /** A trainable initializer named {@code name} (made unique). */
    public String parameter(String name, Tensor value) {
        String n = initializer(name, value);
        graph.trainable.add(n);
        return n;
    }

    /** A constant (not trainable) initializer named {@code name} (made unique). */
    public String constant(String name, Tensor value) { return initializer(name, value); }

    /** The name the next node gets (and its first output); otherwise one is generated from the op type. */
    public GraphBuilder named(String nodeName) {
        if (used.contains(nodeName)) throw new IllegalArgumentException("name '" + nodeName + "' is already used");
        this.nextName = nodeName;
        return this;
    }

    /** The type inferred for a value so far, if known. */
    public Optional<TensorType> type(String value) { return types.type(value); }

    // ---- generic nodes ------------------------------------------------------------------------

    /** A node of any op with {@code outputs} outputs; "" marks an omitted optional input. */
    public List<String> node(Op op, List<String> inputs, int outputs) {
        String nodeName = nodeName(op.opType());
        return add(nodeName, op, inputs, outputs);
    }

    /** A single-output node of any op. */
    public String node(Op op, String... inputs) { return node(op, List.of(inputs), 1).getFirst(); }

    /** A node made by the ONNX op table from its type and attributes (an opaque op when slim4j does not model it). */
    public List<String> node(String opType, Attributes attributes, List<String> inputs, int outputs) {
        return node(Ops.create("", opType, opset, attributes), inputs, outputs);
    }

    // ---- layers -------------------------------------------------------------------------------

    /** Convolution with square stride and symmetric padding on every spatial axis; {@code bias} may be null. */
    public String conv(String x, Tensor weight, Tensor bias, long stride, long pad) {
        return conv(x, weight, bias, stride, pad, 1);
    }

    /** Grouped convolution (group = channels for depthwise). */
    public String conv(String x, Tensor weight, Tensor bias, long stride, long pad, long group) {
        int spatial = weight.rank() - 2;
        List<Long> kernel = new ArrayList<>();
        for (int i = 2; i < weight.rank(); i++) kernel.add((long) weight.shape().dim(i));
        return conv(x, weight, bias, new Conv(AutoPad.NOTSET, List.of(), group, kernel,
                repeat(pad, 2 * spatial), repeat(stride, spatial)));
    }

    /** Convolution with every attribute given. */
    public String conv(String x, Tensor weight, Tensor bias, Conv op) {
        String n = nodeName("Conv");
        List<String> in = new ArrayList<>(List.of(x, parameter(n + ".weight", weight)));
        if (bias != null) in.add(parameter(n + ".bias", bias));
        return add(n, op, in, 1).getFirst();
    }

    /** y = x W^T + b with W [out, in] as in a PyTorch Linear layer (Gemm with transB = 1); bias may be null. */
    public String linear(String x, Tensor weight, Tensor bias) {
        String n = nodeName("Gemm");
        List<String> in = new ArrayList<>(List.of(x, parameter(n + ".weight", weight)));
        if (bias != null) in.add(parameter(n + ".bias", bias));
        return add(n, new Gemm(1f, 1f, 0, 1, Optional.empty()), in, 1).getFirst();
    }

    /** Gemm over values; {@code c} may be null. */
    public String gemm(String a, String b, String c, Gemm op) {
        return node(op, c == null ? List.of(a, b) : List.of(a, b, c), 1).getFirst();
    }

    public String matmul(String a, String b) { return node(new MatMul(), a, b); }

    /** x times a trainable weight matrix. */
    public String matmul(String x, Tensor weight) {
        String n = nodeName("MatMul");
        return add(n, new MatMul(), List.of(x, parameter(n + ".weight", weight)), 1).getFirst();
    }

    /** Inference-mode batch normalization: scale and bias trainable, running statistics constant. */
    public String batchNorm(String x, Tensor scale, Tensor bias, Tensor mean, Tensor var, float epsilon) {
        String n = nodeName("BatchNormalization");
        List<String> in = List.of(x, parameter(n + ".weight", scale), parameter(n + ".bias", bias),
                constant(n + ".running_mean", mean), constant(n + ".running_var", var));
        return add(n, new BatchNormalization(epsilon, 0.9f, 0, Optional.empty(), Optional.empty()), in, 1).getFirst();
    }

    public String unary(UnaryFunction f, String x) { return node(new Unary(f), x); }

    public String relu(String x) { return unary(UnaryFunction.RELU, x); }

    public String sigmoid(String x) { return unary(UnaryFunction.SIGMOID, x); }

    public String tanh(String x) { return unary(UnaryFunction.TANH, x); }

    /** min(max(x, 0), 6), as MobileNet uses. */
    public String relu6(String x) { return clip(x, 0f, 6f); }

    /** min(max(x, min), max); bounds are inputs from opset 11 on, attributes before. */
    public String clip(String x, float min, float max) {
        if (opset < 11) return node(new Clip(Optional.of(min), Optional.of(max)), x);
        String n = nodeName("Clip");
        DType dtype = type(x).map(TensorType::dtype).orElse(DType.FLOAT32);
        String lo = constant(n + ".min", Tensor.scalar(min).cast(dtype));
        String hi = constant(n + ".max", Tensor.scalar(max).cast(dtype));
        return add(n, Clip.withInputBounds(), List.of(x, lo, hi), 1).getFirst();
    }

    public String binary(BinaryFunction f, String a, String b) { return node(new Binary(f), a, b); }

    public String add(String a, String b) { return binary(BinaryFunction.ADD, a, b); }

    public String sub(String a, String b) { return binary(BinaryFunction.SUB, a, b); }

    public String mul(String a, String b) { return binary(BinaryFunction.MUL, a, b); }

    public String div(String a, String b) { return binary(BinaryFunction.DIV, a, b); }

    /** Max pooling with a square kernel, square stride and symmetric padding on each spatial axis. */
    public String maxPool(String x, long kernel, long stride, long pad) {
        int s = spatialRank(x);
        return node(new MaxPool(AutoPad.NOTSET, 0, List.of(), repeat(kernel, s), repeat(pad, 2 * s), 0,
                repeat(stride, s)), x);
    }

    /** Average pooling (padding not counted) with a square kernel, square stride and symmetric padding. */
    public String averagePool(String x, long kernel, long stride, long pad) {
        int s = spatialRank(x);
        return node(new AveragePool(AutoPad.NOTSET, 0, 0, List.of(), repeat(kernel, s), repeat(pad, 2 * s),
                repeat(stride, s)), x);
    }

    public String globalAveragePool(String x) { return node(new GlobalAveragePool(), x); }

    /** Softmax along {@code axis}. */
    public String softmax(String x, long axis) { return node(new Softmax(SoftmaxFunction.SOFTMAX, axis, opset < 13), x); }

    /** [d0 * ... * d(axis-1), d(axis) * ... * dn]. */
    public String flatten(String x, long axis) {
        return node(new Flatten(axis), x);
    }

    /** Reshape to {@code shape} (ONNX rules: 0 copies a dim, -1 is inferred), the shape a constant input. */
    public String reshape(String x, long... shape) {
        String n = nodeName("Reshape");
        String s = constant(n + ".shape", Tensor.vector(shape));
        return add(n, new Reshape(false), List.of(x, s), 1).getFirst();
    }

    public String concat(long axis, String... xs) {
        return node(new Concat(axis), xs);
    }

    public String transpose(String x, long... perm) {
        return node(new Transpose(Optional.of(Arrays.stream(perm).boxed().toList())), x);
    }

    // ---- outputs and result -------------------------------------------------------------------

    /** Marks a value as a graph output, with its inferred type. */
    public GraphBuilder output(String value) {
        TensorType t = type(value).orElseThrow(() -> new IllegalStateException("the type of output '" + value
                + "' is unknown; give it with output(value, type)"));
        graph.output(new Value(value, t));
        return this;
    }

    /** Marks a value as a graph output with a declared type (for values of opaque ops). */
    public GraphBuilder output(String value, TensorType type) {
        graph.output(new Value(value, TypeInference.refine(type(value), Optional.of(type)).orElseThrow()));
        return this;
    }

    /** Renames a value made by a node here to {@code name} and marks it as an output. */
    public GraphBuilder outputAs(String value, String name) {
        if (!value.equals(name)) rename(value, name);
        return output(name);
    }

    /** The graph, with the inferred type of every intermediate value in value_info. */
    public Graph build() {
        Set<String> outputs = new HashSet<>();
        for (Value v : graph.outputs) outputs.add(v.name());
        graph.valueInfo.clear();
        for (Node n : graph.nodes) {
            for (String out : n.outputs()) {
                if (!out.isEmpty() && !outputs.contains(out)) types.type(out).ifPresent(t -> graph.valueInfo.put(out, t));
            }
        }
        return graph.build();
    }

    /** The graph in a model importing this builder's opset. */
    public Model buildModel() {
        LinkedHashMap<String, Long> opsets = new LinkedHashMap<>();
        opsets.put("", opset);
        long ir = opset <= 18 ? Model.DEFAULT_IR_VERSION : opset <= 20 ? 9 : 10;
        return new Model(build(), ir, opsets, "slim4j", "0.1.0", "", 0, "", new LinkedHashMap<>(), RawFields.EMPTY);
    }

    // ---- internals ----------------------------------------------------------------------------

    private List<String> add(String nodeName, Op op, List<String> inputs, int outputCount) {
        for (String in : inputs) {
            if (!in.isEmpty() && !used.contains(in)) {
                throw new IllegalArgumentException("node " + nodeName + " (" + op.opType() + ") reads '" + in
                        + "', which this builder has not made");
            }
        }
        List<String> outs = new ArrayList<>();
        outs.add(nodeName);
        for (int i = 1; i < outputCount; i++) outs.add(unique(nodeName + "_" + i));
        for (String o : outs) used.add(o);
        Node node = new Node(nodeName, op, inputs, outs);
        types.infer(node, name -> Optional.empty());
        graph.node(node);
        return Collections.unmodifiableList(outs);
    }

    private String initializer(String name, Tensor value) {
        String n = unique(name);
        used.add(n);
        graph.initializer(n, value);
        types.declareConstant(n, value);
        return n;
    }

    /** The pending {@link #named} name or a fresh one such as conv3; reserved at once. */
    private String nodeName(String opType) {
        String n = nextName != null ? nextName : generated(opType);
        nextName = null;
        used.add(n);
        return n;
    }

    private String generated(String opType) {
        String base = opType.toLowerCase(Locale.ROOT);
        String n;
        do {
            int k = counters.merge(base, 1, Integer::sum);
            n = base + k;
        } while (used.contains(n));
        return n;
    }

    private String unique(String name) {
        String n = name;
        for (int k = 1; used.contains(n); k++) n = name + "_" + k;
        return n;
    }

    private void claim(String name) {
        if (used.contains(name)) throw new IllegalArgumentException("name '" + name + "' is already used");
        used.add(name);
    }

    private void rename(String value, String name) {
        claim(name);
        boolean produced = graph.nodes.stream().anyMatch(n -> n.outputs().contains(value));
        if (!produced) {
            throw new IllegalArgumentException("cannot rename '" + value + "': it is not the output of a node");
        }
        graph.nodes.replaceAll(n -> n.withInputs(swap(n.inputs(), value, name)).withOutputs(swap(n.outputs(), value, name)));
        types.type(value).ifPresent(t -> types.declare(name, t));
    }

    private static List<String> swap(List<String> names, String from, String to) {
        return names.stream().map(s -> s.equals(from) ? to : s).toList();
    }

    private int spatialRank(String x) {
        return type(x).filter(TensorType::hasRank).map(t -> t.rank() - 2).orElse(2);
    }

    private static List<Long> repeat(long v, int times) { return Collections.nCopies(times, v); }

    private static Dim dim(Object o) {
        return switch (o) {
            case null -> Dim.unknown();
            case Dim d -> d;
            case Number n -> Dim.of(n.longValue());
            case String s -> Dim.symbol(s);
            default -> throw new IllegalArgumentException("a dim is a number, a symbol name or a Dim, found " + o);
        };
    }
}
