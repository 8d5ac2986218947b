package dev.slim4j.compress.quant;

import dev.slim4j.ir.Node;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One node to quantize: the value names of its float activation inputs, its constant weight (with the
 * output-channel axis of that weight), its constant bias, and the value after it whose range is
 * observed as its output (its own output, or that of a ReLU or Clip right after it; empty when the
 * output is a graph output).
 */
public record Target(Node node, List<String> activations, Optional<String> weight, int outputChannelAxis,
                     Optional<String> bias, Optional<String> outputSite) {
    public Target {
        activations = List.copyOf(activations);
    }

    /** The per-channel axis for {@code granularity}, empty for per tensor. */
    public OptionalInt weightAxis(Granularity granularity) {
        return switch (granularity) {
            case Granularity.PerTensor p -> OptionalInt.empty();
            case Granularity.PerChannel c -> OptionalInt.of(c.axis());
            case Granularity.PerOutputChannel o -> OptionalInt.of(outputChannelAxis);
        };
    }
}
