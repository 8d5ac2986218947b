package dev.slim4j.train.trainer;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.Value;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.train.grad.Gradients;
import dev.slim4j.train.optim.Parameter;
import dev.slim4j.train.optim.ParameterSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The model being trained: the graph (its trainable set chosen by {@link TrainableSelection}), the
 * parameter arrays the optimizer updates in place (fed to the tape as tensors wrapping them, so no
 * copy per step), and the BatchNorm running statistics the tape reports. The user's model is never
 * modified; {@link #export} makes a new one.
 */
final class ModelState {
    private final Model model;
    private final Graph graph;
    private final String input;
    private final String output;
    private final ParameterSet parameters = new ParameterSet();
    private final Map<String, Tensor> weights = new LinkedHashMap<>();
    private final Map<String, Tensor> statistics = new LinkedHashMap<>();

    ModelState(Model model, Set<String> frozen) {
        Graph g = model.graph();
        if (g.runtimeInputs().size() != 1 || g.outputs().isEmpty()) {
            throw new IllegalArgumentException("expected a classifier with one image input and a logits output, graph '"
                    + g.name() + "' has inputs " + g.runtimeInputs().stream().map(Value::name).toList()
                    + " and outputs " + g.outputs().stream().map(Value::name).toList());
        }
        Set<String> trainable = TrainableSelection.of(g, frozen);
        Graph.Builder b = g.toBuilder();
        b.trainable.clear();
        b.trainable.addAll(trainable);
        this.model = model;
        this.graph = b.build();
        this.input = g.runtimeInputs().getFirst().name();
        this.output = g.outputs().getFirst().name();
        for (String name : trainable) {
            Tensor t = g.initializers().get(name);
            float[] values = t.floats().clone();
            parameters.add(name, values);
            weights.put(name, Tensor.ofFloats(t.shape(), values));
        }
        for (String name : TrainableSelection.runningStatistics(g)) statistics.put(name, g.initializers().get(name));
    }

    Graph graph() { return graph; }

    String input() { return input; }

    String output() { return output; }

    ParameterSet parameters() { return parameters; }

    /** The image batch, every trainable weight and every running statistic, by name. */
    Map<String, Tensor> feeds(Tensor images) {
        Map<String, Tensor> feeds = new LinkedHashMap<>(weights);
        feeds.putAll(statistics);
        feeds.put(input, images);
        return feeds;
    }

    /** Copies the tape's gradients into the parameters' gradient arrays. */
    void setGradients(Gradients g) {
        for (Parameter p : parameters.all()) {
            float[] grad = g.parameter(p.name()).floats();
            System.arraycopy(grad, 0, p.gradient(), 0, grad.length);
        }
    }

    /** Takes the running statistics a training-mode tape computed. */
    void updateStatistics(Map<String, Tensor> updated) {
        for (var e : updated.entrySet()) if (statistics.containsKey(e.getKey())) statistics.put(e.getKey(), e.getValue());
    }

    /** The model with the current weights and statistics as its initializers (copies), metadata kept. */
    Model export() {
        Graph.Builder b = graph.toBuilder();
        weights.forEach((name, t) -> b.initializer(name, t.copy()));
        statistics.forEach((name, t) -> b.initializer(name, t.copy()));
        return model.withGraph(b.build());
    }
}
