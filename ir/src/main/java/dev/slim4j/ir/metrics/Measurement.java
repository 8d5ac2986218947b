package dev.slim4j.ir.metrics;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** Computes {@link ModelMetrics}: weights per node, MACs per node, peak activation memory. */
final class Measurement {
    private Measurement() {}

    static ModelMetrics of(Model model) {
        Graph g = model.graph();
        ShapePropagation shapes = ShapePropagation.of(model);
        Set<String> counted = new HashSet<>();
        List<NodeMetrics> nodes = new ArrayList<>();
        long params = 0;
        long bytes = 0;
        long macs = 0;
        int unknownMacs = 0;
        for (Node n : g.nodes()) {
            long p = 0;
            long b = 0;
            for (Tensor t : weightsFirstReadBy(n, g, counted)) {
                p += t.size();
                b += t.size() * t.dtype().byteSize();
            }
            OptionalLong m = MacCount.of(n, shapes);
            if (m.isPresent()) macs += m.getAsLong(); else unknownMacs++;
            nodes.add(new NodeMetrics(n.name(), n.op().opType(), outputTypes(n, shapes), p, b, m));
            params += p;
            bytes += b;
        }
        for (var e : g.initializers().entrySet()) {
            if (counted.add(e.getKey())) {
                params += e.getValue().size();
                bytes += e.getValue().size() * e.getValue().dtype().byteSize();
            }
        }
        ActivationLiveness.Peak peak = ActivationLiveness.of(g, shapes);
        return new ModelMetrics(nodes, params, bytes, macs, unknownMacs, peak.bytes(), peak.unknownSizes(),
                shapes.assumptions());
    }

    /** Initializers this node reads that no earlier node read, plus the tensor of a Constant node. */
    private static List<Tensor> weightsFirstReadBy(Node n, Graph g, Set<String> counted) {
        List<Tensor> out = new ArrayList<>();
        for (String in : n.inputs()) {
            Optional<Tensor> t = g.initializer(in);
            if (t.isPresent() && counted.add(in)) out.add(t.get());
        }
        if (n.op().opType().equals("Constant") && n.op().domain().isEmpty()) {
            n.op().attributes().optTensor("value").ifPresent(out::add);
        }
        return out;
    }

    private static List<TensorType> outputTypes(Node n, ShapePropagation shapes) {
        List<TensorType> out = new ArrayList<>();
        for (String o : n.outputs()) {
            if (!o.isEmpty()) shapes.type(o).ifPresent(out::add);
        }
        return out;
    }
}
