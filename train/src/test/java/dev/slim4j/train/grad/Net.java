package dev.slim4j.train.grad;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.TensorType;
import dev.slim4j.ir.Value;
import dev.slim4j.ir.op.Op;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A small FLOAT64 test graph and its gradient check: the loss is sum over outputs of sum(output * R)
 * with fixed random R, and every element of every trainable initializer and graph input is checked
 * against a central finite difference of that loss.
 */
final class Net {
    private static final double H = 1e-5;
    private final Graph.Builder graph = Graph.builder("net");
    private final Map<String, Tensor> feeds = new LinkedHashMap<>();
    private final Random random;
    private int counter;

    Net(long seed) { random = new Random(seed); }

    Net() { this(42); }

    /** Uniform random values in [lo, hi). */
    Tensor random(double lo, double hi, int... dims) {
        Shape s = Shape.of(dims);
        double[] v = new double[s.intSize()];
        for (int i = 0; i < v.length; i++) v[i] = lo + (hi - lo) * random.nextDouble();
        return Tensor.ofDoubles(s, v);
    }

    /** A graph input fed with uniform values in [-1, 1). */
    String input(String name, int... dims) { return input(name, random(-1, 1, dims)); }

    String input(String name, Tensor value) {
        graph.input(new Value(name, TensorType.of(value.dtype(), value.shape())));
        feeds.put(name, value);
        return name;
    }

    /** A trainable initializer with uniform values in [-1, 1). */
    String param(String name, int... dims) { return param(name, random(-1, 1, dims)); }

    String param(String name, Tensor value) {
        graph.initializer(name, value);
        graph.trainable.add(name);
        return name;
    }

    /** A non-trainable initializer. */
    String constant(String name, Tensor value) {
        graph.initializer(name, value);
        return name;
    }

    String node(Op op, String... inputs) { return nodes(op, 1, inputs).getFirst(); }

    List<String> nodes(Op op, int outputs, String... inputs) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < outputs; i++) names.add("v" + counter++);
        graph.node(new Node("n" + counter, op, List.of(inputs), names));
        return names;
    }

    Net output(String... names) {
        for (String n : names) graph.output(new Value(n, TensorType.unranked(DType.FLOAT64)));
        return this;
    }

    Graph graph() { return graph.build(); }

    Map<String, Tensor> feeds() { return feeds; }

    /** Checks all gradients in inference mode. */
    Gradients check() { return check(TapeOptions.inference()); }

    Gradients check(TapeOptions options) {
        Graph g = graph();
        Tape tape = Tape.record(g, feeds, options);
        Map<String, Tensor> weights = new LinkedHashMap<>();
        for (var e : tape.outputs().entrySet()) weights.put(e.getKey(), random(-1, 1, e.getValue().shape().toArray()));
        Gradients grads = tape.backward(weights, true);
        int checked = 0;
        for (String name : g.trainable()) checked += compare(g, options, weights, name, g.initializers().get(name),
                grads.parameter(name));
        for (Value v : g.runtimeInputs()) checked += compare(g, options, weights, v.name(), feeds.get(v.name()),
                grads.input(v.name()));
        assertTrue(checked > 0, "nothing to check");
        return grads;
    }

    private int compare(Graph g, TapeOptions options, Map<String, Tensor> weights, String name, Tensor value,
                        Tensor analytic) {
        for (int i = 0; i < value.size(); i++) {
            Tensor plus = value.copy();
            plus.setDouble(i, value.getDouble(i) + H);
            Tensor minus = value.copy();
            minus.setDouble(i, value.getDouble(i) - H);
            double numeric = (loss(g, options, weights, name, plus) - loss(g, options, weights, name, minus)) / (2 * H);
            double a = analytic.getDouble(i);
            double tolerance = 1e-6 + 1e-5 * Math.max(Math.abs(a), Math.abs(numeric));
            if (Math.abs(a - numeric) > tolerance) {
                throw new AssertionError("d loss / d " + name + "[" + i + "]: analytic " + a + ", finite difference "
                        + numeric + " (value " + value + ")");
            }
        }
        return (int) value.size();
    }

    private double loss(Graph g, TapeOptions options, Map<String, Tensor> weights, String name, Tensor value) {
        Map<String, Tensor> f = new LinkedHashMap<>(feeds);
        f.put(name, value);
        double sum = 0;
        for (var e : Tape.record(g, f, options).outputs().entrySet()) {
            Tensor w = weights.get(e.getKey());
            for (int i = 0; i < w.size(); i++) sum += e.getValue().getDouble(i) * w.getDouble(i);
        }
        return sum;
    }
}
