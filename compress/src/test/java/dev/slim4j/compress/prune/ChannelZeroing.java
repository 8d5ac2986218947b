package dev.slim4j.compress.prune;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Model;
import dev.slim4j.tensor.Tensor;
import java.util.List;

/**
 * The test oracle for channel removal: a copy of the model in which the given channels of a group
 * produce exactly zero (filters, biases, normalization scales and shifts zeroed, written with plain
 * loops here, not with the slicer). Downstream of a zero activation only the removed weights would
 * have met it, so the zeroed model and the pruned model must agree.
 */
final class ChannelZeroing {
    private ChannelZeroing() {}

    static Model zero(DependencyGraph graph, PruningGroup group, List<Integer> channels) {
        return zero(graph.model(), group, channels);
    }

    /** As above, on a model with the analysed structure (such as one zeroed before). */
    static Model zero(Model model, PruningGroup group, List<Integer> channels) {
        Graph g = model.graph();
        Graph.Builder b = g.toBuilder();
        for (int ch : channels) {
            for (ChannelIndex i : group.channels().get(ch).indices()) {
                TensorRole role = i.ref().role();
                if (role != TensorRole.FILTER && role != TensorRole.BIAS && role != TensorRole.NORM_SCALE
                        && role != TensorRole.NORM_SHIFT) continue;
                Tensor t = b.initializers.get(i.ref().tensor()).copy();
                zeroSlice(t, i.ref().axis(), i.index());
                b.initializers.put(i.ref().tensor(), t);
            }
        }
        return model.withGraph(b.build());
    }

    static void zeroSlice(Tensor t, int axis, int index) {
        int[] dims = t.shape().toArray();
        long inner = 1;
        for (int d = axis + 1; d < dims.length; d++) inner *= dims[d];
        for (long e = 0; e < t.size(); e++) {
            if ((e / inner) % dims[axis] == index) t.setFloat(e, 0f);
        }
    }

    /** Largest |a - b| over two tensors of one shape. */
    static double maxDiff(Tensor a, Tensor b) {
        if (!a.shape().equals(b.shape())) throw new AssertionError("shapes differ: " + a.shape() + " and " + b.shape());
        double m = 0;
        for (long i = 0; i < a.size(); i++) m = Math.max(m, Math.abs(a.getFloat(i) - b.getFloat(i)));
        return m;
    }

    static double maxAbs(Tensor a) {
        double m = 0;
        for (long i = 0; i < a.size(); i++) m = Math.max(m, Math.abs(a.getFloat(i)));
        return m;
    }
}
