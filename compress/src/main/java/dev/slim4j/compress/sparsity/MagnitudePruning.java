package dev.slim4j.compress.sparsity;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.op.Gemm;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Unstructured magnitude pruning: the weights (or conv kernels) with the smallest magnitude are set to zero, per
 * layer or under one global threshold ({@link SparsityConfig}). Pure: {@link #apply} returns a new model with its
 * masks and a {@link SparsityReport}; the given model stays as it was.
 */
public final class MagnitudePruning {
    private MagnitudePruning() {}

    /** Prunes {@code model} once to {@code config.sparsity()}. */
    public static SparseResult apply(Model model, SparsityConfig config) {
        return apply(model, config, config.sparsity());
    }

    /** Prunes {@code model} once to {@code sparsity} (the config's layer overrides still apply). */
    public static SparseResult apply(Model model, SparsityConfig config, double sparsity) {
        Objects.requireNonNull(model, "model");
        List<PruningTarget> targets = targets(model, config);
        Map<String, float[]> values = new LinkedHashMap<>();
        for (PruningTarget t : targets) values.put(t.weight(), model.graph().initializers().get(t.weight()).floats());
        Masks masks = select(targets, values::get, config, sparsity);
        Model pruned = masks.apply(model);
        return new SparseResult(pruned, masks, SparsityReport.of(pruned, targets), targets);
    }

    /** The layers {@code config} selects in {@code model}, one per distinct weight initializer, in graph order. */
    public static List<PruningTarget> targets(Model model, SparsityConfig config) {
        Graph g = model.graph();
        List<PruningTarget> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Node n : g.nodes()) {
            String type = n.op().opType();
            if (!config.opTypes().contains(type)) continue;
            PruningTarget t = target(g, n, config.granularity());
            if (t == null || !seen.add(t.weight())) continue;
            boolean included = config.include().isEmpty() || config.include().contains(n.name())
                    || config.include().contains(t.weight());
            boolean excluded = config.exclude().contains(n.name()) || config.exclude().contains(t.weight());
            if (included && !excluded) out.add(t);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no layer to prune: expected float weights of " + config.opTypes()
                    + " nodes" + (config.include().isEmpty() ? "" : " named in " + config.include())
                    + ", graph '" + g.name() + "' has none");
        }
        return out;
    }

    /** The report of the selected layers' current zeros (for example of an unpruned model). */
    public static SparsityReport report(Model model, SparsityConfig config) {
        return SparsityReport.of(model, targets(model, config));
    }

    /**
     * The masks removing {@code sparsity} of the targets' weights by magnitude, from their current values (also
     * used during training, with the parameters' arrays as {@code values}).
     */
    static Masks select(List<PruningTarget> targets, Function<String, float[]> values, SparsityConfig config,
                        double sparsity) {
        Map<String, BitSet> pruned = new LinkedHashMap<>();
        Map<String, Integer> sizes = new LinkedHashMap<>();
        List<PruningTarget> pooled = new ArrayList<>();
        for (PruningTarget t : targets) {
            sizes.put(t.weight(), t.elements());
            pruned.put(t.weight(), new BitSet(t.elements()));
            Double own = config.overrideFor(t);
            if (own != null || config.scope() == ThresholdScope.PER_LAYER) {
                prune(List.of(t), values, own != null ? own : sparsity, pruned);
            } else {
                pooled.add(t);
            }
        }
        if (!pooled.isEmpty()) prune(pooled, values, sparsity, pruned);
        return new Masks(pruned, sizes);
    }

    /** Prunes the lowest-scoring groups of {@code targets} together until {@code sparsity} of their weights are gone. */
    private static void prune(List<PruningTarget> targets, Function<String, float[]> values, double sparsity,
                              Map<String, BitSet> pruned) {
        long groups = 0;
        long elements = 0;
        for (PruningTarget t : targets) {
            groups += t.groups();
            elements += t.elements();
        }
        if (groups > Integer.MAX_VALUE) throw new IllegalArgumentException("too many weights to rank: " + groups);
        long[] keys = new long[(int) groups];
        int at = 0;
        for (PruningTarget t : targets) {
            float[] w = values.apply(t.weight());
            for (int gIdx = 0; gIdx < t.groups(); gIdx++) {
                float score = rms(w, gIdx * t.groupSize(), t.groupSize());
                keys[at] = ((long) Float.floatToRawIntBits(score) << 32) | at;
                at++;
            }
        }
        Arrays.sort(keys); // scores are >= 0, so their bit patterns sort like the floats; ties by position
        int[] offsets = new int[targets.size() + 1];
        for (int i = 0; i < targets.size(); i++) offsets[i + 1] = offsets[i] + targets.get(i).groups();
        long goal = Math.round(sparsity * elements);
        long removed = 0;
        for (int i = 0; i < keys.length && removed < goal; i++) {
            int index = (int) keys[i];
            int found = Arrays.binarySearch(offsets, index);
            int which = found >= 0 ? found : -found - 2;
            while (offsets[which + 1] == index && which + 1 < targets.size()) which++; // skip empty targets
            PruningTarget t = targets.get(which);
            int first = (index - offsets[which]) * t.groupSize();
            pruned.get(t.weight()).set(first, first + t.groupSize());
            removed += t.groupSize();
        }
    }

    private static float rms(float[] w, int from, int size) {
        if (size == 1) return Math.abs(w[from]);
        double s = 0;
        for (int i = from; i < from + size; i++) s += (double) w[i] * w[i];
        return (float) Math.sqrt(s / size);
    }

    /** The weight of a Gemm / MatMul / Conv node when it is a float initializer of a supported rank, else null. */
    private static PruningTarget target(Graph g, Node n, Granularity granularity) {
        String name = n.input(1);
        Tensor w = g.initializers().get(name);
        if (w == null || w.dtype() != DType.FLOAT32) return null;
        Shape s = w.shape();
        String type = n.op().opType();
        return switch (type) {
            case "Gemm" -> s.rank() != 2 ? null : ((Gemm) n.op()).transB() != 0
                    ? new PruningTarget(n.name(), type, name, s, 1, s.dim(0), s.dim(1))
                    : new PruningTarget(n.name(), type, name, s, 1, s.dim(1), s.dim(0));
            case "MatMul" -> s.rank() != 2 ? null : new PruningTarget(n.name(), type, name, s, 1, s.dim(1), s.dim(0));
            case "Conv" -> {
                if (s.rank() < 3) yield null;
                int kernel = (int) s.sizeBetween(2, s.rank());
                int group = granularity == Granularity.KERNEL ? kernel : 1;
                yield new PruningTarget(n.name(), type, name, s, group, s.dim(0), (int) (s.size() / s.dim(0)));
            }
            default -> null;
        };
    }
}
