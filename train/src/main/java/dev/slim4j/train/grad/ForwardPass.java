package dev.slim4j.train.grad;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.Value;
import dev.slim4j.ir.op.BatchNormalization;
import dev.slim4j.ir.op.Dropout;
import dev.slim4j.ir.op.Op;
import dev.slim4j.ir.pass.OpEvaluator;
import dev.slim4j.ir.pass.TopologicalSort;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Runs a graph node by node in topological order, keeping every value for the backward walk.
 * BatchNormalization and Dropout follow the tape's mode; every other op goes to the evaluator.
 */
final class ForwardPass {
    private final Graph graph;
    private final TapeOptions options;
    private final OpEvaluator evaluator;
    private final Map<String, Tensor> values = new HashMap<>();
    private final List<Step> steps = new ArrayList<>();
    private final LinkedHashMap<String, Tensor> runningStatistics = new LinkedHashMap<>();

    ForwardPass(Graph graph, TapeOptions options, OpEvaluator evaluator) {
        this.graph = graph;
        this.options = options;
        this.evaluator = evaluator;
    }

    Tape run(Map<String, Tensor> feeds) {
        values.putAll(graph.initializers());
        bindFeeds(feeds);
        List<Node> order = new TopologicalSort().apply(graph).nodes();
        for (int i = 0; i < order.size(); i++) runNode(order.get(i), i);
        return new Tape(graph, options, values, steps, runningStatistics);
    }

    private void bindFeeds(Map<String, Tensor> feeds) {
        List<String> accepted = new ArrayList<>(graph.inputs().stream().map(Value::name).toList());
        for (String name : graph.initializers().keySet()) if (!accepted.contains(name)) accepted.add(name);
        for (var e : feeds.entrySet()) {
            if (!accepted.contains(e.getKey())) {
                throw new IllegalArgumentException("unknown feed '" + e.getKey() + "', expected one of " + accepted);
            }
            values.put(e.getKey(), e.getValue());
        }
        for (Value v : graph.runtimeInputs()) {
            if (!values.containsKey(v.name())) {
                throw new IllegalArgumentException("missing feed for graph input '" + v.name() + "' (" + v.type() + ")");
            }
        }
    }

    private void runNode(Node node, int index) {
        List<Tensor> in = new ArrayList<>();
        for (String name : node.inputs()) in.add(name.isEmpty() ? null : lookup(name, node));
        int count = node.outputs().size();
        double[] dropoutScale = null;
        List<Tensor> out;
        switch (node.op()) {
            case BatchNormalization b -> out = batchNormalization(b, node, in, count);
            case Dropout d when options.training() -> {
                dropoutScale = dropoutScale(d, in, index);
                out = dropout(in.getFirst(), dropoutScale, count);
            }
            case Dropout d -> out = evaluate(d, in.subList(0, Math.min(2, in.size())), count);
            default -> out = evaluate(node.op(), in, count);
        }
        for (int i = 0; i < count; i++) {
            String name = node.output(i);
            if (!name.isEmpty() && i < out.size() && out.get(i) != null) values.put(name, out.get(i));
        }
        List<Tensor> kept = new ArrayList<>();
        for (int i = 0; i < count; i++) kept.add(i < out.size() ? out.get(i) : null);
        steps.add(new Step(node, in, kept, options.training(), dropoutScale));
    }

    private Tensor lookup(String name, Node node) {
        Tensor t = values.get(name);
        if (t == null) throw new IllegalArgumentException("node " + node.describe() + " reads '" + name + "', which nothing produced");
        return t;
    }

    private List<Tensor> evaluate(Op op, List<Tensor> in, int count) { return evaluator.evaluate(op, in, count); }

    /** Batch statistics and updated running statistics in training mode, running statistics otherwise. */
    private List<Tensor> batchNormalization(BatchNormalization b, Node node, List<Tensor> in, int count) {
        long mode = options.training() ? 1 : 0;
        BatchNormalization run = new BatchNormalization(b.epsilon(), b.momentum(), mode, Optional.empty(), b.spatial());
        if (!options.training()) {
            List<Tensor> out = new ArrayList<>(evaluate(run, in, 1));
            if (count > 1) out.add(in.get(3));
            if (count > 2) out.add(in.get(4));
            return out;
        }
        List<Tensor> out = evaluate(run, in, 3);
        runningStatistics.put(node.input(3), out.get(1));
        runningStatistics.put(node.input(4), out.get(2));
        return out;
    }

    /** Per element 0 (dropped) or 1 / (1 - ratio) (kept), from a generator seeded by the options and the node. */
    private double[] dropoutScale(Dropout d, List<Tensor> in, int index) {
        Tensor ratioInput = in.size() > 1 ? in.get(1) : null;
        double ratio = ratioInput != null ? ratioInput.getDouble(0) : d.ratio().orElse(Dropout.DEFAULT_RATIO);
        if (ratio < 0 || ratio > 1) throw new IllegalArgumentException("Dropout ratio must be in [0, 1], found " + ratio);
        SplittableRandom random = new SplittableRandom(options.seed() * 0x9E3779B97F4A7C15L + index);
        double[] scale = new double[in.getFirst().shape().intSize()];
        double keep = ratio < 1 ? 1 / (1 - ratio) : 0;
        for (int i = 0; i < scale.length; i++) scale[i] = random.nextDouble() < ratio ? 0 : keep;
        return scale;
    }

    private static List<Tensor> dropout(Tensor x, double[] scale, int count) {
        double[] v = x.doubles();
        for (int i = 0; i < v.length; i++) v[i] *= scale[i];
        List<Tensor> out = new ArrayList<>(List.of(Dense.tensor(x.dtype(), x.shape(), v)));
        if (count > 1) {
            Tensor mask = Tensor.allocate(DType.BOOL, x.shape());
            for (int i = 0; i < scale.length; i++) mask.setLong(i, scale[i] != 0 ? 1 : 0);
            out.add(mask);
        }
        return out;
    }
}
