package dev.slim4j.compress.prune;

import dev.slim4j.ir.Graph;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/** The arithmetic of {@link Importance}: per-entry reductions of coupled initializer axes, summed per channel. */
final class ChannelScores {
    private ChannelScores() {}

    static double[] of(Importance importance, DependencyGraph graph, PruningGroup group) {
        Graph g = graph.model().graph();
        return switch (importance) {
            case Importance.L1 x -> summed(g, group, weights(group), Math::abs, null);
            case Importance.L2 x -> summed(g, group, weights(group), v -> v * v, null);
            case Importance.NormScale x -> normScale(g, group);
            case Importance.GeometricMedian x -> medianDistance(g, group);
            case Importance.Taylor t -> summed(g, group, group.parameters(), Math::abs, t.gradients());
            case Importance.Random r -> random(group, r.seed());
        };
    }

    private static List<ChannelRef> weights(PruningGroup group) {
        return group.tensors().stream().filter(t -> t.role().isWeight()).toList();
    }

    private static double[] normScale(Graph g, PruningGroup group) {
        List<ChannelRef> scales = group.tensors(TensorRole.NORM_SCALE);
        if (scales.isEmpty()) {
            throw new PruningException("group " + group.id() + " (" + group.root() + ") has no BatchNorm scale to rank by");
        }
        return summed(g, group, scales, Math::abs, null);
    }

    /** Per channel: sum over refs and the channel's entries of f(w) (or f(w * grad) with gradients). */
    private static double[] summed(Graph g, PruningGroup group, List<ChannelRef> refs, DoubleUnaryOperator f,
                                   Map<String, Tensor> gradients) {
        double[] out = new double[group.size()];
        for (ChannelRef r : refs) {
            Tensor w = g.initializers().get(r.tensor());
            Tensor grad = gradients == null ? null : gradients.get(r.tensor());
            if (gradients != null && grad == null) continue;
            if (grad != null && !grad.shape().equals(w.shape())) {
                throw new PruningException("gradient of '" + r.tensor() + "' has shape " + grad.shape() + ", expected " + w.shape());
            }
            double[] perEntry = perEntry(w, grad, r.axis(), f);
            for (int ch = 0; ch < group.size(); ch++) {
                for (int i : group.channels().get(ch).indicesOf(r)) out[ch] += perEntry[i];
            }
        }
        return out;
    }

    /** Sum of f over each slice of {@code axis}. */
    static double[] perEntry(Tensor w, Tensor grad, int axis, DoubleUnaryOperator f) {
        float[] v = w.floats();
        float[] d = grad == null ? null : grad.floats();
        int size = w.shape().dim(axis);
        long inner = w.shape().sizeBetween(axis + 1, w.rank());
        double[] out = new double[size];
        for (int i = 0; i < v.length; i++) {
            int k = (int) ((i / inner) % size);
            out[k] += f.applyAsDouble(d == null ? v[i] : (double) v[i] * d[i]);
        }
        return out;
    }

    /** FPGM: the channel's filter vector's summed Euclidean distance to every other channel's. */
    private static double[] medianDistance(Graph g, PruningGroup group) {
        List<ChannelRef> refs = group.tensors(TensorRole.FILTER);
        if (refs.isEmpty()) refs = weights(group);
        List<double[]> vectors = new ArrayList<>();
        for (int ch = 0; ch < group.size(); ch++) vectors.add(new double[0]);
        for (ChannelRef r : refs) {
            Tensor w = g.initializers().get(r.tensor());
            float[] v = w.floats();
            int size = w.shape().dim(r.axis());
            int inner = (int) w.shape().sizeBetween(r.axis() + 1, w.rank());
            int outer = (int) w.shape().sizeBetween(0, r.axis());
            for (int ch = 0; ch < group.size(); ch++) {
                List<Integer> idx = group.channels().get(ch).indicesOf(r);
                double[] add = new double[idx.size() * outer * inner];
                int at = 0;
                for (int o = 0; o < outer; o++) {
                    for (int k : idx) for (int s = 0; s < inner; s++) add[at++] = v[(o * size + k) * inner + s];
                }
                vectors.set(ch, concat(vectors.get(ch), add));
            }
        }
        double[] out = new double[group.size()];
        for (int a = 0; a < out.length; a++) {
            for (int b = a + 1; b < out.length; b++) {
                double dist = distance(vectors.get(a), vectors.get(b));
                out[a] += dist;
                out[b] += dist;
            }
        }
        return out;
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.sqrt(s);
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static double[] random(PruningGroup group, long seed) {
        java.util.Random r = new java.util.Random(seed * 1_000_003L + group.id());
        double[] out = new double[group.size()];
        for (int i = 0; i < out.length; i++) out[i] = r.nextDouble();
        return out;
    }
}
