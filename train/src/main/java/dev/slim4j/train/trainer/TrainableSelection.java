package dev.slim4j.train.trainer;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.op.BatchNormalization;
import dev.slim4j.ir.op.Clip;
import dev.slim4j.ir.op.Dropout;
import dev.slim4j.ir.op.Op;
import dev.slim4j.ir.op.Pad;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Tensor;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which initializers a trainer updates: every FLOAT32 initializer some node reads, except those read
 * where no gradient belongs (BatchNormalization's running mean and variance, Clip's bounds, Dropout's
 * ratio, Pad's pads and constant value) and the frozen ones. The same rule for zoo models and imported
 * ONNX files, so a model written and read back trains the same parameters.
 */
final class TrainableSelection {
    private TrainableSelection() {}

    static Set<String> of(Graph g, Set<String> frozen) {
        for (String f : frozen) {
            if (!g.initializers().containsKey(f)) {
                throw new IllegalArgumentException("frozen '" + f + "' is not an initializer of graph '" + g.name()
                        + "', expected one of " + g.initializers().keySet());
            }
        }
        Set<String> excluded = new HashSet<>(frozen);
        Set<String> read = new HashSet<>();
        for (Node n : g.nodes()) {
            List<String> in = n.inputs();
            for (int i = 0; i < in.size(); i++) {
                read.add(in.get(i));
                if (!learnable(n.op(), i)) excluded.add(in.get(i));
            }
        }
        Set<String> out = new LinkedHashSet<>();
        for (var e : g.initializers().entrySet()) {
            Tensor t = e.getValue();
            if (t.dtype() == DType.FLOAT32 && read.contains(e.getKey()) && !excluded.contains(e.getKey())) out.add(e.getKey());
        }
        return out;
    }

    /** False for input slots that are settings or statistics rather than weights. */
    private static boolean learnable(Op op, int input) {
        return switch (op) {
            case BatchNormalization b -> input < 3;
            case Clip c -> input == 0;
            case Dropout d -> input == 0;
            case Pad p -> input == 0;
            default -> true;
        };
    }

    /** The BatchNormalization running statistics (inputs 3 and 4) that are initializers: the trainer updates them. */
    static Set<String> runningStatistics(Graph g) {
        Set<String> out = new LinkedHashSet<>();
        for (Node n : g.nodes()) {
            if (!(n.op() instanceof BatchNormalization)) continue;
            for (int i = 3; i <= 4 && i < n.inputs().size(); i++) {
                if (g.initializers().containsKey(n.input(i))) out.add(n.input(i));
            }
        }
        return out;
    }
}
