package dev.slim4j.compress.prune;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.TensorType;
import dev.slim4j.ir.TypeInference;
import dev.slim4j.ir.op.Gather;
import dev.slim4j.ir.op.ShapeOf;
import dev.slim4j.ir.pass.EliminateDeadNodes;
import dev.slim4j.ir.pass.EliminateUnusedInitializers;
import dev.slim4j.ir.pass.FoldConstants;
import dev.slim4j.runtime.reference.ReferenceOps;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Prepares a model for channel analysis: the dims that shape arithmetic reads are made constants
 * (Shape of a value with a static type; Gather of fixed dims out of a Shape, such as the channel
 * count of a symbolic-batch value; Reshape targets that copy a symbolic batch, see
 * {@link CopyRuntimeDims}), then constants are folded (which also unties parameters the
 * exporter shared behind Identity nodes: each reader gets its own copy, trainable if the original
 * was), dead nodes and unused initializers dropped, and every value's type annotated. The result
 * computes what the input computes; it is what {@link DependencyGraph} describes and slicers cut.
 */
final class FoldKnownShapes {
    private FoldKnownShapes() {}

    static Model apply(Model model) {
        Graph g = annotate(model, model.graph());
        for (int round = 0; round < 256; round++) {
            Graph next = fold(model, g);
            if (next == g) break;
            g = annotate(model, next);
        }
        return model.withGraph(g);
    }

    private static Graph fold(Model model, Graph g) {
        Map<String, Tensor> known = new HashMap<>();
        Map<String, long[]> shapes = new HashMap<>();
        for (Node n : g.nodes()) {
            if (!(n.op() instanceof ShapeOf s) || s.start().isPresent() || s.end().isPresent()) continue;
            Optional<TensorType> t = g.typeOf(n.input(0)).filter(TensorType::hasRank);
            if (t.isEmpty()) continue;
            long[] dims = new long[t.get().rank()];
            for (int i = 0; i < dims.length; i++) dims[i] = t.get().dim(i).isFixed() ? t.get().dim(i).size() : -1;
            shapes.put(n.output(0), dims);
            if (t.get().isStatic()) known.put(n.output(0), Tensor.vector(dims));
        }
        for (Node n : g.nodes()) {
            if (n.op() instanceof Gather ga && ga.axis() == 0 && shapes.containsKey(n.input(0))) {
                gathered(shapes.get(n.input(0)), g.initializer(n.input(1))).ifPresent(t -> known.put(n.output(0), t));
            }
        }
        Set<String> trainableCopies = new HashSet<>();
        for (Node n : g.nodes()) {
            if (n.op().opType().equals("Identity") && g.trainable().contains(n.input(0))) trainableCopies.add(n.output(0));
        }
        List<Node> kept = new ArrayList<>();
        for (Node n : g.nodes()) if (!known.containsKey(n.output(0))) kept.add(n);
        Graph.Builder b = g.toBuilder().nodes(kept);
        b.initializers.putAll(known);
        b.valueInfo.keySet().removeAll(known.keySet());
        Graph copied = CopyRuntimeDims.apply(b.build());
        Graph folded = new FoldConstants(ReferenceOps::evaluate).apply(copied);
        Graph.Builder fb = folded.toBuilder();
        for (String copy : trainableCopies) if (folded.initializers().containsKey(copy)) fb.trainable.add(copy);
        Graph out = new EliminateUnusedInitializers().apply(new EliminateDeadNodes().apply(fb.build()));
        return out.nodes().equals(g.nodes()) && known.isEmpty() && copied.nodes().equals(kept) ? g : out;
    }

    private static Optional<Tensor> gathered(long[] dims, Optional<Tensor> indices) {
        if (indices.isEmpty() || indices.get().rank() > 1) return Optional.empty();
        long[] idx = indices.get().longs();
        long[] out = new long[idx.length];
        for (int i = 0; i < idx.length; i++) {
            long k = idx[i] < 0 ? idx[i] + dims.length : idx[i];
            if (k < 0 || k >= dims.length || dims[(int) k] < 0) return Optional.empty();
            out[i] = dims[(int) k];
        }
        return Optional.of(indices.get().rank() == 0 ? Tensor.scalarLong(out[0]) : Tensor.vector(out));
    }

    /** value_info rebuilt from the ops' own inference (stale entries dropped). */
    static Graph annotate(Model model, Graph g) {
        Graph.Builder b = g.toBuilder();
        b.valueInfo.clear();
        return TypeInference.annotate(b.build(), model::opset);
    }
}
