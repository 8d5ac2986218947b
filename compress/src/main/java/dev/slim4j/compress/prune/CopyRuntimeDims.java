package dev.slim4j.compress.prune;

import dev.slim4j.ir.Dim;
import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.TensorType;
import dev.slim4j.ir.op.Axes;
import dev.slim4j.ir.op.Concat;
import dev.slim4j.ir.op.Gather;
import dev.slim4j.ir.op.Reshape;
import dev.slim4j.ir.op.ShapeOf;
import dev.slim4j.ir.op.Unsqueeze;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes run-time Reshape targets constant where they only copy a symbolic dim: exporters write
 * {@code Reshape(x, Concat(Unsqueeze(Gather(Shape(v), i)), ...))} to carry a dynamic batch size; when
 * that piece sits at position i and v's dim i is the same symbol as x's dim i, it is ONNX's "0"
 * (copy the input's dim), so the piece becomes the constant [0] and the target folds to a constant.
 * Only Reshapes without allowzero are touched; the function computed stays the same.
 */
final class CopyRuntimeDims {
    private CopyRuntimeDims() {}

    static Graph apply(Graph g) { return inferMinusOne(copyDims(g)); }

    /**
     * A constant target with 0s (copied dims) and one -1 over an input whose other dims are fixed:
     * the -1 is the fixed dims' product over the target's other entries, written out so that type
     * inference sees a known size (it cannot divide a symbolic element count).
     */
    private static Graph inferMinusOne(Graph g) {
        Graph.Builder b = g.toBuilder();
        List<Node> nodes = new ArrayList<>();
        boolean changed = false;
        for (Node n : g.nodes()) {
            Optional<long[]> resolved = n.op() instanceof Reshape r && !r.allowzero() ? resolved(g, n) : Optional.empty();
            if (resolved.isEmpty()) {
                nodes.add(n);
                continue;
            }
            String name = n.name() + ".resolved_shape";
            for (int i = 1; g.initializers().containsKey(name) || b.initializers.containsKey(name); i++) name = n.name() + ".resolved_shape_" + i;
            b.initializers.put(name, Tensor.vector(resolved.get()));
            nodes.add(n.withInputs(List.of(n.input(0), name)));
            changed = true;
        }
        return changed ? b.nodes(nodes).build() : g;
    }

    private static Optional<long[]> resolved(Graph g, Node n) {
        Optional<Tensor> t = g.initializer(n.input(1));
        Optional<TensorType> x = g.typeOf(n.input(0)).filter(TensorType::hasRank);
        if (t.isEmpty() || x.isEmpty() || x.get().isStatic()) return Optional.empty();
        long[] target = t.get().longs().clone();
        int minus = -1;
        long known = 1;
        long total = 1;
        boolean[] copied = new boolean[x.get().rank()];
        for (int i = 0; i < target.length; i++) {
            if (target[i] == 0 && i < copied.length) copied[i] = true;
            else if (target[i] == -1 && minus < 0) minus = i;
            else if (target[i] > 0) known *= target[i];
            else return Optional.empty();
        }
        if (minus < 0) return Optional.empty();
        for (int i = 0; i < copied.length; i++) {
            if (copied[i]) continue;
            if (!x.get().dim(i).isFixed()) return Optional.empty();
            total *= x.get().dim(i).size();
        }
        if (known == 0 || total % known != 0) return Optional.empty();
        target[minus] = total / known;
        return Optional.of(target);
    }

    private static Graph copyDims(Graph g) {
        Map<String, Node> producer = new HashMap<>();
        for (Node n : g.nodes()) for (String o : n.outputs()) producer.put(o, n);
        Map<String, List<String>> newInputs = new HashMap<>();
        for (Node n : g.nodes()) {
            if (!(n.op() instanceof Reshape r) || r.allowzero() || g.initializers().containsKey(n.input(1))) continue;
            Node target = producer.get(n.input(1));
            if (target == null || !(target.op() instanceof Concat) || newInputs.containsKey(target.name())) continue;
            constantPieces(g, target, n.input(0), producer).ifPresent(p -> newInputs.put(target.name(), p));
        }
        if (newInputs.isEmpty()) return g;
        Graph.Builder b = g.toBuilder();
        List<Node> nodes = new ArrayList<>();
        for (Node n : g.nodes()) {
            List<String> in = newInputs.get(n.name());
            nodes.add(in == null ? n : n.withInputs(in));
        }
        for (List<String> in : newInputs.values()) {
            for (String name : in) if (name.startsWith(ZERO)) b.initializers.put(name, Tensor.vector(0));
        }
        return b.nodes(nodes).build();
    }

    private static final String ZERO = "slim4j.prune.copy_dim_";

    /** The Concat's inputs with each copied-dim piece replaced by a constant [0], if then all are constant. */
    private static Optional<List<String>> constantPieces(Graph g, Node concat, String data, Map<String, Node> producer) {
        Optional<TensorType> x = g.typeOf(data).filter(TensorType::hasRank);
        if (x.isEmpty()) return Optional.empty();
        List<String> out = new ArrayList<>();
        int position = 0;
        boolean changed = false;
        for (String piece : concat.inputs()) {
            Optional<Tensor> k = g.initializer(piece);
            if (k.isPresent()) {
                out.add(piece);
                position += (int) Math.max(1, k.get().size());
                continue;
            }
            Optional<Dim> copied = copiedDim(g, piece, position, producer);
            if (copied.isEmpty() || position >= x.get().rank() || !(copied.get() instanceof Dim.Symbol s)
                    || !s.equals(x.get().dim(position))) {
                return Optional.empty();
            }
            out.add(ZERO + concat.name() + "_" + position);
            position++;
            changed = true;
        }
        return changed ? Optional.of(out) : Optional.empty();
    }

    /** The dim that {@code Unsqueeze(Gather(Shape(v), i), [0])} (or {@code Gather(Shape(v), [i])}) reads, when i == position. */
    private static Optional<Dim> copiedDim(Graph g, String piece, int position, Map<String, Node> producer) {
        Node p = producer.get(piece);
        if (p == null) return Optional.empty();
        if (p.op() instanceof Unsqueeze u) {
            String axesInput = p.input(1);
            Optional<long[]> axes = u.axes().map(Axes::array).or(() -> g.initializer(axesInput).map(Axes::values));
            if (axes.isEmpty() || axes.get().length != 1 || axes.get()[0] != 0) return Optional.empty();
            p = producer.get(p.input(0));
            if (p == null) return Optional.empty();
        }
        if (!(p.op() instanceof Gather ga) || ga.axis() != 0) return Optional.empty();
        Optional<Tensor> index = g.initializer(p.input(1));
        Node shape = producer.get(p.input(0));
        if (index.isEmpty() || index.get().size() != 1 || shape == null || !(shape.op() instanceof ShapeOf s)
                || s.start().isPresent()) {
            return Optional.empty();
        }
        long i = index.get().getLong(0);
        Optional<TensorType> v = g.typeOf(shape.input(0)).filter(TensorType::hasRank);
        if (i != position || v.isEmpty() || i >= v.get().rank()) return Optional.empty();
        return Optional.of(v.get().dim((int) i));
    }
}
