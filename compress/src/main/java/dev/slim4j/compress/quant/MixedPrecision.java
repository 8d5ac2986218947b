package dev.slim4j.compress.quant;

import dev.slim4j.ir.Model;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Mixed-precision weights under a size budget. {@link #measure} scores, for every target and every
 * candidate (a bit width, or {@link #FLOAT} for a node kept in float), the model with that one node
 * changed from the base (every node at the weight spec's bits) and records the accuracy it costs and the
 * bytes it adds or saves ({@link ModelSize#packedBytes}, measured on the converted model).
 * {@link #choose} then picks one candidate per node minimizing the summed cost with the summed bytes
 * within the budget: a multiple-choice knapsack solved exactly by dynamic programming over the Pareto
 * front of (bytes, cost) partial assignments. Costs are taken as additive (each measured alone);
 * sizes are exactly additive for bit widths (only the weight tensor changes) and at most additive for
 * float fallbacks (two neighbours in float may also drop the activation pair between them), and
 * {@link #apply} measures the result to make sure.
 */
public final class MixedPrecision {
    /** The candidate "keep this node in float". */
    public static final int FLOAT = 32;

    private final Quantizer quantizer;
    private final ToDoubleFunction<Model> score;

    /** {@code score} is an accuracy in percent (higher is better). */
    public MixedPrecision(Quantizer quantizer, ToDoubleFunction<Model> score) {
        if (!(quantizer.config().weights() instanceof QuantSpec)) {
            throw new IllegalArgumentException("mixed precision picks integer weight bits, found weights " + quantizer.config().weights());
        }
        this.quantizer = quantizer;
        this.score = score;
    }

    /** One candidate of one node: its bits ({@link #FLOAT} for float), accuracy cost (points) and bytes added to the base. */
    public record Option(int bits, double cost, long bytesDelta) {}

    /** One node's candidates, in the order given. */
    public record Layer(String node, String opType, List<Option> options) {
        public Layer { options = List.copyOf(options); }

        public Option option(int bits) {
            return options.stream().filter(o -> o.bits() == bits).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("node " + node + " has no candidate with " + bits + " bits"));
        }
    }

    /** The measurements: base accuracy and packed bytes (every node at the spec's bits) and each node's candidates. */
    public record Table(double baseAccuracy, long baseBytes, List<Layer> layers) {
        public Table { layers = List.copyOf(layers); }

        /** The fewest bytes any assignment reaches. */
        public long minimumBytes() {
            long b = baseBytes;
            for (Layer l : layers) b += l.options().stream().mapToLong(Option::bytesDelta).min().orElse(0);
            return b;
        }
    }

    /** A chosen assignment: bits per node ({@link #FLOAT} for float), its predicted bytes and summed cost. */
    public record Assignment(Map<String, Integer> bits, long bytes, double cost) {
        public Assignment { bits = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(bits)); }

        /** The nodes kept in float. */
        public Set<String> floatNodes() {
            Set<String> out = new LinkedHashSet<>();
            bits.forEach((n, b) -> { if (b == FLOAT) out.add(n); });
            return out;
        }

        /** The integer bits per quantized node. */
        public Map<String, Integer> integerBits() {
            Map<String, Integer> out = new LinkedHashMap<>();
            bits.forEach((n, b) -> { if (b != FLOAT) out.put(n, b); });
            return out;
        }
    }

    /** The model of {@link #apply}, with its measured packed bytes and accuracy. */
    public record Result(Model model, Assignment assignment, long bytes, double accuracy) {}

    /**
     * Scores every target of {@code prepared} at each of {@code candidates} (2 to 8 bits, or {@link #FLOAT}),
     * the others at the weight spec's bits, with {@code scales} for the activations.
     */
    public Table measure(Prepared prepared, ScaleTable scales, List<Integer> candidates) {
        if (candidates.isEmpty()) throw new IllegalArgumentException("mixed precision needs at least one candidate bit width");
        for (int b : candidates) {
            if (b != FLOAT && (b < QuantSpec.MIN_BITS || b > QuantSpec.MAX_BITS)) {
                throw new IllegalArgumentException("candidate bits must be " + QuantSpec.MIN_BITS + " to " + QuantSpec.MAX_BITS
                        + " or " + FLOAT + " (float), found " + b);
            }
        }
        Model base = convert(prepared, scales, Map.of());
        double baseAccuracy = score.applyAsDouble(base);
        long baseBytes = ModelSize.of(base).packedBytes();
        int specBits = ((QuantSpec) quantizer.config().weights()).bits();
        List<Layer> layers = new ArrayList<>();
        for (Target t : prepared.targets()) {
            String node = t.node().name();
            List<Option> options = new ArrayList<>();
            for (int b : new LinkedHashSet<>(candidates)) {
                if (b == specBits) {
                    options.add(new Option(b, 0, 0));
                    continue;
                }
                Model m = convert(prepared, scales, Map.of(node, b));
                options.add(new Option(b, baseAccuracy - score.applyAsDouble(m), ModelSize.of(m).packedBytes() - baseBytes));
            }
            layers.add(new Layer(node, t.node().op().opType(), options));
        }
        return new Table(baseAccuracy, baseBytes, layers);
    }

    /** The assignment of least summed cost whose predicted bytes are at most {@code budgetBytes}; fails when none fits. */
    public static Assignment choose(Table table, long budgetBytes) {
        if (budgetBytes < table.minimumBytes()) {
            throw new IllegalArgumentException("size budget " + budgetBytes + " bytes is below the smallest size the candidates reach, "
                    + table.minimumBytes() + " bytes");
        }
        List<Partial> front = List.of(new Partial(table.baseBytes(), 0, List.of()));
        for (Layer layer : table.layers()) {
            List<Partial> next = new ArrayList<>();
            for (Partial p : front) {
                for (Option o : layer.options()) {
                    long bytes = p.bytes + o.bytesDelta();
                    if (bytes - table.baseBytes() + rest(table, layer) > budgetBytes - table.baseBytes()) continue;
                    List<Integer> bits = new ArrayList<>(p.bits);
                    bits.add(o.bits());
                    next.add(new Partial(bytes, p.cost + o.cost(), bits));
                }
            }
            front = pareto(next);
        }
        Partial best = front.stream().min(Comparator.comparingDouble(Partial::cost).thenComparingLong(Partial::bytes)).orElseThrow();
        Map<String, Integer> bits = new LinkedHashMap<>();
        for (int i = 0; i < table.layers().size(); i++) bits.put(table.layers().get(i).node(), best.bits.get(i));
        return new Assignment(bits, best.bytes, best.cost);
    }

    /** The fewest bytes the layers after {@code layer} can add. */
    private static long rest(Table table, Layer layer) {
        long r = 0;
        boolean after = false;
        for (Layer l : table.layers()) {
            if (after) r += l.options().stream().mapToLong(Option::bytesDelta).min().orElse(0);
            if (l == layer) after = true;
        }
        return r;
    }

    private record Partial(long bytes, double cost, List<Integer> bits) {}

    /** Keeps the partial assignments no other one beats in both bytes and cost. */
    private static List<Partial> pareto(List<Partial> all) {
        List<Partial> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingLong(Partial::bytes).thenComparingDouble(Partial::cost));
        List<Partial> out = new ArrayList<>();
        double bestCost = Double.POSITIVE_INFINITY;
        for (Partial p : sorted) {
            if (p.cost < bestCost) {
                out.add(p);
                bestCost = p.cost;
            }
        }
        return out;
    }

    /** Converts with {@code assignment} and checks the measured packed bytes against the budget. */
    public Result apply(Prepared prepared, ScaleTable scales, Assignment assignment, long budgetBytes) {
        Model m = convert(prepared, scales, assignment.bits());
        long bytes = ModelSize.of(m).packedBytes();
        if (bytes > budgetBytes) {
            throw new IllegalStateException("mixed-precision model holds " + bytes + " packed bytes, over the budget of "
                    + budgetBytes + " (predicted " + assignment.bytes() + ")");
        }
        return new Result(m, assignment, bytes, score.applyAsDouble(m));
    }

    private Model convert(Prepared prepared, ScaleTable scales, Map<String, Integer> bits) {
        Set<String> floats = new LinkedHashSet<>();
        Map<String, Integer> integer = new LinkedHashMap<>();
        bits.forEach((n, b) -> {
            if (b == FLOAT) floats.add(n);
            else integer.put(n, b);
        });
        Quantizer q = new Quantizer(quantizer.config().withExcluded(floats, Set.of()).withWeightBits(integer));
        return q.convert(q.prepare(prepared.model()), scales);
    }
}
