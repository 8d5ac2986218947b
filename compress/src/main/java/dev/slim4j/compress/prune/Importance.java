package dev.slim4j.compress.prune;

import dev.slim4j.tensor.Tensor;
import java.util.Map;
import java.util.Objects;

/**
 * How much each channel of a group matters (higher = keep). A closed set:
 * <ul>
 *   <li>{@link L1} / {@link L2}: filter norms in the manner of Li et al., summed over every coupled
 *       weight of the channel (filters, the next layers' input slices, normalization scales);</li>
 *   <li>{@link NormScale}: |gamma| of the coupled BatchNorm/InstanceNorm scales (Network Slimming);</li>
 *   <li>{@link GeometricMedian}: FPGM, the summed distance of a channel's filters to all others in
 *       the group (filters near the geometric median are the most replaceable);</li>
 *   <li>{@link Taylor}: first order, sum of |w * dL/dw| over the channel's coupled parameters, from
 *       gradients the trainer supplies (keyed by initializer name of {@link DependencyGraph#model()});</li>
 *   <li>{@link Random}: a seeded baseline.</li>
 * </ul>
 */
public sealed interface Importance {
    record L1() implements Importance {}

    record L2() implements Importance {}

    record NormScale() implements Importance {}

    record GeometricMedian() implements Importance {}

    record Taylor(Map<String, Tensor> gradients) implements Importance {
        public Taylor {
            gradients = Map.copyOf(Objects.requireNonNull(gradients, "gradients"));
        }
    }

    record Random(long seed) implements Importance {}

    static Importance l1() { return new L1(); }

    static Importance l2() { return new L2(); }

    static Importance normScale() { return new NormScale(); }

    static Importance fpgm() { return new GeometricMedian(); }

    static Importance taylor(Map<String, Tensor> gradients) { return new Taylor(gradients); }

    static Importance random(long seed) { return new Random(seed); }

    /** One score per channel of {@code group}. */
    default double[] score(DependencyGraph graph, PruningGroup group) { return ChannelScores.of(this, graph, group); }

    /** The criterion's name as the CLI spells it. */
    default String label() {
        return switch (this) {
            case L1 x -> "l1";
            case L2 x -> "l2";
            case NormScale x -> "slimming";
            case GeometricMedian x -> "fpgm";
            case Taylor x -> "taylor";
            case Random x -> "random";
        };
    }
}
