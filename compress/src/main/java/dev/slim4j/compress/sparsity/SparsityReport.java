package dev.slim4j.compress.sparsity;

import dev.slim4j.ir.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Per-layer and total sparsity and storage of the pruned layers of a model. */
public record SparsityReport(List<LayerSparsity> layers) {
    public SparsityReport {
        layers = List.copyOf(layers);
    }

    /** Counts the zeros of every target's weight in {@code model}. */
    static SparsityReport of(Model model, List<PruningTarget> targets) {
        List<LayerSparsity> out = new ArrayList<>();
        for (PruningTarget t : targets) {
            float[] v = model.graph().initializers().get(t.weight()).floats();
            long zeros = 0;
            for (float f : v) if (f == 0f) zeros++;
            long nonZeros = v.length - zeros;
            long csr = 4L * nonZeros + 4L * nonZeros + 4L * (t.rows() + 1);
            out.add(new LayerSparsity(t.node(), t.opType(), t.weight(), v.length, zeros, 4L * v.length, csr));
        }
        return new SparsityReport(out);
    }

    public long elements() { return layers.stream().mapToLong(LayerSparsity::elements).sum(); }

    public long zeros() { return layers.stream().mapToLong(LayerSparsity::zeros).sum(); }

    /** Zeros over elements of all pruned layers. */
    public double sparsity() { return elements() == 0 ? 0 : (double) zeros() / elements(); }

    public long denseBytes() { return layers.stream().mapToLong(LayerSparsity::denseBytes).sum(); }

    public long csrBytes() { return layers.stream().mapToLong(LayerSparsity::csrBytes).sum(); }

    /** A readable table: one row per layer and a total. */
    public String table() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-24s %-7s %10s %10s %9s %11s %11s%n",
                "layer", "op", "weights", "zeros", "sparsity", "dense B", "CSR B"));
        for (LayerSparsity l : layers) {
            b.append(String.format(Locale.ROOT, "%-24s %-7s %10d %10d %8.2f%% %11d %11d%n", l.node(), l.opType(),
                    l.elements(), l.zeros(), 100 * l.sparsity(), l.denseBytes(), l.csrBytes()));
        }
        b.append(String.format(Locale.ROOT, "%-24s %-7s %10d %10d %8.2f%% %11d %11d%n", "total", "", elements(),
                zeros(), 100 * sparsity(), denseBytes(), csrBytes()));
        return b.toString();
    }
}
