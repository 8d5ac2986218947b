package dev.slim4j.ir.metrics;

import dev.slim4j.ir.TensorType;
import java.util.List;
import java.util.OptionalLong;

/**
 * Metrics of one node: its output types (as far as known), the parameters and weight bytes of the
 * constant tensors it is the first to read, and its multiply-accumulates (empty when the op has a
 * MAC formula but its shapes are unknown).
 */
public record NodeMetrics(String name, String opType, List<TensorType> outputTypes, long params, long weightBytes,
                          OptionalLong macs) {
    public NodeMetrics {
        outputTypes = List.copyOf(outputTypes);
    }
}
