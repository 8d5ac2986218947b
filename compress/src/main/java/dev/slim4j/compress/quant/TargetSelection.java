package dev.slim4j.compress.quant;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.op.Clip;
import dev.slim4j.ir.op.Conv;
import dev.slim4j.ir.op.Gemm;
import dev.slim4j.ir.op.MatMul;
import dev.slim4j.ir.op.Unary;
import dev.slim4j.ir.op.UnaryFunction;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Picks the nodes to quantize and the activation values to observe, for {@link Quantizer#prepare}. */
final class TargetSelection {
    private final Graph graph;
    private final QuantConfig config;
    private final Set<String> graphOutputs = new LinkedHashSet<>();

    TargetSelection(Graph graph, QuantConfig config) {
        this.graph = graph;
        this.config = config;
        graph.outputs().forEach(v -> graphOutputs.add(v.name()));
    }

    /** Targets, observed values and reasons for skipped nodes, in graph order. */
    Prepared select(dev.slim4j.ir.Model model) {
        List<Target> targets = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Node n : graph.nodes()) {
            String type = n.op().opType();
            if (!config.opTypes().contains(type)) continue;
            if (config.excludes(n.name(), type)) {
                skipped.add(n.describe() + ": excluded");
                continue;
            }
            String why = unsupported(n);
            if (why != null) skipped.add(n.describe() + ": " + why);
            else targets.add(target(n));
        }
        Set<String> observed = new LinkedHashSet<>();
        if (config.mode() == Mode.STATIC) {
            for (Target t : targets) {
                observed.addAll(t.activations());
                t.outputSite().ifPresent(observed::add);
            }
        }
        return new Prepared(model, config, targets, inGraphOrder(observed), skipped);
    }

    /** Why {@code n} cannot be quantized in this mode, or null. */
    private String unsupported(Node n) {
        if (!isFloat(n.input(0))) return "input is not FLOAT32";
        boolean constantWeight = constant(n.input(1)).filter(t -> t.dtype() == DType.FLOAT32).isPresent();
        if (config.mode() == Mode.DYNAMIC) {
            if (n.op() instanceof Conv) return "dynamic mode quantizes Gemm and MatMul only";
            if (!constantWeight) return "dynamic mode needs a constant FLOAT32 weight";
            if (n.op() instanceof Gemm g && g.transA() != 0) return "dynamic mode does not take Gemm with transA";
            if (n.op() instanceof MatMul && constant(n.input(1)).orElseThrow().rank() != 2) return "dynamic mode needs a 2-D weight";
        }
        if (!constantWeight && (n.op() instanceof Conv || n.op() instanceof Gemm || config.mode() != Mode.STATIC)) {
            return "weight is not a constant FLOAT32 initializer";
        }
        return null;
    }

    private Target target(Node n) {
        List<String> activations = new ArrayList<>();
        activations.add(n.input(0));
        Optional<String> weight = constant(n.input(1)).isPresent() ? Optional.of(n.input(1)) : Optional.empty();
        if (weight.isEmpty() && isFloat(n.input(1))) activations.add(n.input(1));
        Optional<String> bias = Optional.empty();
        if ((n.op() instanceof Conv || n.op() instanceof Gemm) && constant(n.input(2)).filter(t -> t.rank() == 1).isPresent()) {
            bias = Optional.of(n.input(2));
        }
        int axis = switch (n.op()) {
            case Gemm g -> g.transB() != 0 ? 0 : 1;
            case MatMul m -> weight.map(w -> graph.initializer(w).orElseThrow().rank() - 1).orElse(0);
            default -> 0;
        };
        return new Target(n, activations, weight, axis, bias, outputSite(n));
    }

    /** The node's output, or the output of a lone ReLU / Clip reading it; empty when that is a graph output. */
    private Optional<String> outputSite(Node n) {
        String out = n.output(0);
        List<Node> readers = graph.consumers(out);
        if (readers.size() == 1 && !graphOutputs.contains(out) && isActivation(readers.getFirst())
                && !config.excludes(readers.getFirst().name(), readers.getFirst().op().opType())) {
            out = readers.getFirst().output(0);
        }
        return graphOutputs.contains(out) ? Optional.empty() : Optional.of(out);
    }

    private static boolean isActivation(Node n) {
        return n.op() instanceof Unary u && u.function() == UnaryFunction.RELU || n.op() instanceof Clip;
    }

    private Optional<Tensor> constant(String name) { return name.isEmpty() ? Optional.empty() : graph.initializer(name); }

    private boolean isFloat(String name) {
        return !name.isEmpty() && graph.typeOf(name).map(t -> t.dtype() == DType.FLOAT32).orElse(true);
    }

    private List<String> inGraphOrder(Set<String> names) {
        List<String> out = new ArrayList<>();
        graph.runtimeInputs().forEach(v -> { if (names.contains(v.name())) out.add(v.name()); });
        for (Node n : graph.nodes()) for (String o : n.outputs()) if (names.contains(o)) out.add(o);
        return out;
    }
}
