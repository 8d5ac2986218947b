package dev.slim4j.train.grad;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.pass.OpEvaluator;
import dev.slim4j.kernels.Parallelism;
import dev.slim4j.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * A recorded forward pass of a graph: every value it computed, one {@link Step} per node, and, in
 * training mode, the updated running statistics of BatchNormalization nodes. {@link #backward} walks
 * the steps in reverse with the per-op gradient rules. Build one with {@link #record}.
 */
public final class Tape {
    private final Graph graph;
    private final TapeOptions options;
    private final Map<String, Tensor> values;
    private final List<Step> steps;
    private final SequencedMap<String, Tensor> runningStatistics;
    private Parallelism parallelism = Parallelism.serial();

    Tape(Graph graph, TapeOptions options, Map<String, Tensor> values, List<Step> steps,
         SequencedMap<String, Tensor> runningStatistics) {
        this.graph = graph;
        this.options = options;
        this.values = values;
        this.steps = List.copyOf(steps);
        this.runningStatistics = Collections.unmodifiableSequencedMap(runningStatistics);
    }

    /** Runs {@code graph} on {@code feeds} with {@link FastOps} on the calling thread (reference ops for non-FLOAT32). */
    public static Tape record(Graph graph, Map<String, Tensor> feeds, TapeOptions options) {
        return record(graph, feeds, options, FastOps.serial());
    }

    /**
     * Runs {@code graph} on {@code feeds} (every runtime input; initializers may be fed too, which
     * overrides their stored value) with {@code evaluator} for the ops.
     */
    public static Tape record(Graph graph, Map<String, Tensor> feeds, TapeOptions options, OpEvaluator evaluator) {
        Tape tape = new ForwardPass(graph, options, evaluator).run(feeds);
        tape.parallelism = evaluator instanceof FastOps f ? f.parallelism() : Parallelism.serial();
        return tape;
    }

    public Graph graph() { return graph; }

    public TapeOptions options() { return options; }

    /** The value named {@code name}: an input, an initializer or a node output. */
    public Tensor value(String name) {
        Tensor t = values.get(name);
        if (t == null) throw new IllegalArgumentException("no value '" + name + "' on the tape of graph '" + graph.name() + "'");
        return t;
    }

    /** The graph outputs, by name, in graph order. */
    public SequencedMap<String, Tensor> outputs() {
        SequencedMap<String, Tensor> out = new LinkedHashMap<>();
        graph.outputs().forEach(v -> out.put(v.name(), value(v.name())));
        return out;
    }

    /**
     * In training mode, the new running mean and variance of every BatchNormalization, keyed by the
     * name of the value the node read them from (usually an initializer): running * momentum +
     * batch * (1 - momentum). The trainer writes them back into the graph. Empty in inference mode.
     */
    public SequencedMap<String, Tensor> runningStatistics() { return runningStatistics; }

    List<Step> steps() { return steps; }

    Parallelism parallelism() { return parallelism; }

    /** Gradients of the trainable initializers, given d(loss)/d(output) for some graph outputs. */
    public Gradients backward(Map<String, Tensor> outputGradients) { return backward(outputGradients, false); }

    /** As {@link #backward(Map)}, also giving gradients for the graph inputs when {@code withInputs}. */
    public Gradients backward(Map<String, Tensor> outputGradients, boolean withInputs) {
        return new Backward(this, withInputs).run(outputGradients);
    }
}
