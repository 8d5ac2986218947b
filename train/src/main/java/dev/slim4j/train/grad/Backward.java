package dev.slim4j.train.grad;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Value;
import dev.slim4j.tensor.Tensor;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reverse walk over a tape: seeds the given output gradients, visits the steps last to first,
 * applies {@link GradientRules} to each step that both receives a gradient and reads a value that
 * needs one, and sums the gradients of values read by several nodes.
 */
final class Backward {
    private final Tape tape;
    private final Graph graph;
    private final boolean withInputs;
    private final Set<String> needed = new HashSet<>();
    private final Map<String, double[]> grads = new HashMap<>();

    Backward(Tape tape, boolean withInputs) {
        this.tape = tape;
        this.graph = tape.graph();
        this.withInputs = withInputs;
    }

    Gradients run(Map<String, Tensor> outputGradients) {
        markNeeded();
        seed(outputGradients);
        List<Step> steps = tape.steps();
        for (int i = steps.size() - 1; i >= 0; i--) visit(steps.get(i));
        Map<String, Tensor> parameters = new LinkedHashMap<>();
        for (String name : graph.trainable()) parameters.put(name, result(name));
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        if (withInputs) {
            for (Value v : graph.runtimeInputs()) {
                if (tape.value(v.name()).dtype().isFloatingPoint()) inputs.put(v.name(), result(v.name()));
            }
        }
        return new Gradients(new LinkedHashMap<>(parameters), new LinkedHashMap<>(inputs));
    }

    /** Values whose gradient is wanted or flows into a wanted one: forward from the sources, floating point only. */
    private void markNeeded() {
        for (String name : graph.trainable()) {
            if (!graph.initializers().containsKey(name)) {
                throw new IllegalArgumentException("trainable '" + name + "' is not an initializer of graph '"
                        + graph.name() + "', expected one of " + graph.initializers().keySet());
            }
            needed.add(name);
        }
        if (withInputs) graph.runtimeInputs().forEach(v -> needed.add(v.name()));
        needed.removeIf(name -> !tape.value(name).dtype().isFloatingPoint());
        for (Step s : tape.steps()) {
            if (s.node().inputs().stream().noneMatch(needed::contains)) continue;
            for (int i = 0; i < s.outputs().size(); i++) {
                Tensor out = s.output(i);
                if (out != null && out.dtype().isFloatingPoint() && !s.node().output(i).isEmpty()) {
                    needed.add(s.node().output(i));
                }
            }
        }
    }

    private void seed(Map<String, Tensor> outputGradients) {
        List<String> outputs = graph.outputs().stream().map(Value::name).toList();
        for (var e : outputGradients.entrySet()) {
            if (!outputs.contains(e.getKey())) {
                throw new IllegalArgumentException("gradient given for '" + e.getKey() + "', expected a graph output, one of " + outputs);
            }
            Tensor value = tape.value(e.getKey());
            if (!value.shape().equals(e.getValue().shape())) {
                throw new IllegalArgumentException("gradient for output '" + e.getKey() + "' has shape "
                        + e.getValue().shape() + ", expected " + value.shape());
            }
            accumulate(e.getKey(), e.getValue().doubles(), false);
        }
    }

    private void visit(Step step) {
        List<String> inputs = step.node().inputs();
        if (inputs.stream().noneMatch(needed::contains)) return;
        List<String> outputs = step.node().outputs();
        if (outputs.stream().noneMatch(grads::containsKey)) return;
        double[][] dy = new double[outputs.size()][];
        for (int i = 0; i < dy.length; i++) {
            Tensor out = step.output(i);
            double[] g = grads.get(outputs.get(i));
            dy[i] = g != null ? g : out == null ? null : new double[out.shape().intSize()];
        }
        boolean inputWanted = needed.contains(inputs.getFirst());
        double[][] dx = GradientRules.gradients(step, dy, tape.parallelism(), inputWanted);
        // The outputs' gradients are complete and read by no later step: this visit owns their arrays now.
        outputs.forEach(grads::remove);
        for (int i = 0; i < inputs.size(); i++) {
            if (i < dx.length && dx[i] != null && needed.contains(inputs.get(i))) {
                accumulate(inputs.get(i), dx[i], firstUse(dx, i));
            }
        }
    }

    /** Whether dx[i] is not also an earlier input's gradient (a rule may pass one array to several inputs). */
    private static boolean firstUse(double[][] dx, int i) {
        for (int j = 0; j < i; j++) if (dx[j] == dx[i]) return false;
        return true;
    }

    /** Adds g to the gradient of {@code name}; an owned g (nothing else holds it) is kept without a copy. */
    private void accumulate(String name, double[] g, boolean owned) {
        double[] acc = grads.get(name);
        if (acc == null) grads.put(name, owned ? g : g.clone());
        else Dense.addInto(acc, g);
    }

    private Tensor result(String name) {
        Tensor value = tape.value(name);
        double[] g = grads.getOrDefault(name, new double[value.shape().intSize()]);
        return Dense.tensor(value.dtype(), value.shape(), g);
    }
}
