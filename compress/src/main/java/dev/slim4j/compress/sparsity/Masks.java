package dev.slim4j.compress.sparsity;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Model;
import dev.slim4j.tensor.Tensor;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which weights are pruned, per initializer name: a set bit means the element is zero and must stay zero.
 * Immutable; {@link #apply(Model)} returns a new model.
 */
public final class Masks {
    private final Map<String, BitSet> pruned;
    private final Map<String, Integer> sizes;

    Masks(Map<String, BitSet> pruned, Map<String, Integer> sizes) {
        this.pruned = new LinkedHashMap<>();
        pruned.forEach((k, v) -> this.pruned.put(k, (BitSet) v.clone()));
        this.sizes = Map.copyOf(sizes);
    }

    /** The masks of every weight's current exact zeros (what a pruned model file implies). */
    public static Masks ofZeros(Model model, Set<String> weights) {
        Map<String, BitSet> p = new LinkedHashMap<>();
        Map<String, Integer> s = new LinkedHashMap<>();
        for (String w : weights) {
            float[] v = model.graph().initializer(w).orElseThrow(
                    () -> new IllegalArgumentException("unknown initializer '" + w + "'")).floats();
            BitSet b = new BitSet(v.length);
            for (int i = 0; i < v.length; i++) if (v[i] == 0f) b.set(i);
            p.put(w, b);
            s.put(w, v.length);
        }
        return new Masks(p, s);
    }

    public Set<String> weights() { return pruned.keySet(); }

    /** Whether element {@code index} of {@code weight} is pruned. */
    public boolean isPruned(String weight, int index) {
        BitSet b = pruned.get(weight);
        return b != null && b.get(index);
    }

    /** Number of pruned elements of {@code weight} (0 for an unmasked name). */
    public int prunedCount(String weight) {
        BitSet b = pruned.get(weight);
        return b == null ? 0 : b.cardinality();
    }

    /** Pruned elements over all masked elements. */
    public double sparsity() {
        long all = 0;
        long zero = 0;
        for (var e : pruned.entrySet()) {
            all += sizes.get(e.getKey());
            zero += e.getValue().cardinality();
        }
        return all == 0 ? 0 : (double) zero / all;
    }

    /** Sets the pruned elements of {@code values} (the weight {@code weight}) to zero, in place. */
    public void zero(String weight, float[] values) {
        BitSet b = pruned.get(weight);
        if (b == null) return;
        for (int i = b.nextSetBit(0); i >= 0; i = b.nextSetBit(i + 1)) values[i] = 0f;
    }

    /** A new model whose masked initializers are copies with the pruned elements zero; {@code model} is unchanged. */
    public Model apply(Model model) {
        Graph.Builder b = model.graph().toBuilder();
        for (String w : pruned.keySet()) {
            Tensor t = model.graph().initializer(w).orElseThrow(
                    () -> new IllegalArgumentException("the model has no initializer '" + w + "' to mask"));
            float[] v = t.floats().clone();
            zero(w, v);
            b.initializer(w, Tensor.ofFloats(t.shape(), v));
        }
        return model.withGraph(b.build());
    }

    @Override public String toString() {
        return "Masks" + pruned.keySet() + String.format(" (sparsity %.4f)", sparsity());
    }
}
