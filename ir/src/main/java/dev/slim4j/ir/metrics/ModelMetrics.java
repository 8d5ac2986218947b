package dev.slim4j.ir.metrics;

import dev.slim4j.ir.Model;
import java.util.List;

/**
 * Metrics of a whole graph. {@code params} counts the elements of every initializer and Constant
 * tensor (each once), {@code weightBytes} their bytes; {@code macs} sums the nodes' MACs (see
 * {@link MacCount} for the convention; nodes with unknown MACs are counted in
 * {@code nodesWithUnknownMacs}); {@code peakActivationBytes} is the largest total size of
 * simultaneously live activations (see {@link ActivationLiveness}). {@code assumptions} lists what
 * was assumed to get there, such as symbolic batch dims taken as 1.
 */
public record ModelMetrics(List<NodeMetrics> nodes, long params, long weightBytes, long macs, int nodesWithUnknownMacs,
                           long peakActivationBytes, int valuesWithUnknownSize, List<String> assumptions) {
    public ModelMetrics {
        nodes = List.copyOf(nodes);
        assumptions = List.copyOf(assumptions);
    }

    /** Measures a model's graph (top level only; subgraphs of If/Loop are not counted). */
    public static ModelMetrics measure(Model model) { return Measurement.of(model); }
}
