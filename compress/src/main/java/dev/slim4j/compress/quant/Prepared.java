package dev.slim4j.compress.quant;

import dev.slim4j.ir.Model;
import java.util.List;

/**
 * The result of {@link Quantizer#prepare}: the untouched model, the nodes that will be quantized, and the
 * activation values whose ranges calibration must observe (in graph order). {@code skipped} says,
 * per node, why a node of a quantizable op type is left in float.
 */
public record Prepared(Model model, QuantConfig config, List<Target> targets, List<String> observed, List<String> skipped) {
    public Prepared {
        targets = List.copyOf(targets);
        observed = List.copyOf(observed);
        skipped = List.copyOf(skipped);
    }
}
