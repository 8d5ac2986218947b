package dev.slim4j.compress.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.ir.GraphBuilder;
import dev.slim4j.ir.Model;
import dev.slim4j.runtime.Session;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Mixed precision against independent references: sizes from the element counts (ceil(n * bits / 8)
 * per weight), the optimum from brute force over every assignment, accuracy costs from a score whose
 * per-layer costs are known, and on a real model a layer made sensitive by outlier weights.
 */
class MixedPrecisionTest {
    private static final List<String> NODES = List.of("conv1", "conv2", "gemm1");
    private static final List<Integer> BITS = List.of(8, 6, 4, 2);
    /** Points lost per node at 6, 4 and 2 bits: conv1 is touchy, gemm1 (the big one) tolerant until 2 bits. */
    private static final Map<String, double[]> COST = Map.of(
            "conv1", new double[] {0.2, 1.5, 6.0},
            "conv2", new double[] {0.05, 0.4, 2.0},
            "gemm1", new double[] {0.01, 0.1, 3.0});

    /** 90 points minus the known cost of each node at the bits its stored weight actually needs. */
    private static double score(Model m) {
        double s = 90;
        for (String n : NODES) {
            Tensor q = m.graph().initializers().get(n + ".weight_quantized");
            int bits = q == null ? MixedPrecision.FLOAT : ModelSize.bitsHolding(q);
            int i = BITS.indexOf(bits);
            if (i > 0) s -= COST.get(n)[i - 1];
        }
        return s;
    }

    private record Fixture(Quantizer quantizer, Prepared prepared, ScaleTable scales, Map<String, Long> elements) {}

    private static Fixture fixture(Model m) {
        Quantizer q = new Quantizer(QuantConfig.defaults());
        Prepared p = q.prepare(m);
        ScaleTable scales = q.calibrate(p, CalibrationData.of(new Models(3).batches(2, 2, 1, 12, 12)));
        Map<String, Long> elements = new LinkedHashMap<>();
        for (Target t : p.targets()) elements.put(t.node().name(), p.model().graph().initializer(t.weight().orElseThrow()).orElseThrow().size());
        return new Fixture(q, p, scales, elements);
    }

    /** Packed bytes of an assignment from the element counts alone: the all-8-bit size minus what narrower weights save. */
    private static long analyticBytes(long base, Map<String, Long> elements, List<Integer> bits) {
        long b = base;
        for (int i = 0; i < NODES.size(); i++) {
            long n = elements.get(NODES.get(i));
            b += (n * bits.get(i) + 7) / 8 - n;
        }
        return b;
    }

    @Test void choosesTheBruteForceOptimumAndMeetsTheBudgetByteForByte() {
        Fixture f = fixture(new Models(5).convNet());
        MixedPrecision mp = new MixedPrecision(f.quantizer(), MixedPrecisionTest::score);
        MixedPrecision.Table table = mp.measure(f.prepared(), f.scales(), BITS);
        assertEquals(NODES, table.layers().stream().map(MixedPrecision.Layer::node).toList());
        assertEquals(-6.0, -table.layers().getFirst().option(2).cost(), 1e-9);
        long base = table.baseBytes();
        assertEquals(ModelSize.of(f.quantizer().quantize(f.prepared().model(), CalibrationData.of(new Models(3).batches(2, 2, 1, 12, 12))))
                .packedBytes(), base);
        for (long budget : new long[] {base, base - 500, base - 1200, base - 1500, base - 1600, analyticBytes(base, f.elements(), List.of(2, 2, 2))}) {
            List<Integer> best = null;
            double bestCost = Double.POSITIVE_INFINITY;
            for (int a : BITS) for (int b : BITS) for (int c : BITS) {
                List<Integer> bits = List.of(a, b, c);
                double cost = 90 - score(fakeModel(bits));
                if (analyticBytes(base, f.elements(), bits) <= budget && cost < bestCost - 1e-12) {
                    best = bits;
                    bestCost = cost;
                }
            }
            MixedPrecision.Assignment chosen = MixedPrecision.choose(table, budget);
            assertEquals(best, List.copyOf(chosen.bits().values()), "budget " + budget);
            MixedPrecision.Result r = mp.apply(f.prepared(), f.scales(), chosen, budget);
            assertEquals(analyticBytes(base, f.elements(), best), r.bytes(), "budget " + budget);
            assertTrue(r.bytes() <= budget);
            assertEquals(90 - bestCost, r.accuracy(), 1e-9);
        }
    }

    /** A model holding only the stored weights that {@link #score} reads, at the given bits. */
    private static Model fakeModel(List<Integer> bits) {
        GraphBuilder b = GraphBuilder.create("fake");
        String x = b.input("x", DType.FLOAT32, 1);
        Model m = b.output(x).buildModel();
        var g = m.graph().toBuilder();
        for (int i = 0; i < NODES.size(); i++) {
            Tensor t = Tensor.allocate(DType.INT8, Shape.of(2));
            t.setLong(0, (1L << (bits.get(i) - 1)) - 1);
            g.initializer(NODES.get(i) + ".weight_quantized", t);
        }
        return m.withGraph(g.build());
    }

    @Test void aBudgetBelowTheSmallestReachableSizeIsRefused() {
        Fixture f = fixture(new Models(5).convNet());
        MixedPrecision.Table table = new MixedPrecision(f.quantizer(), MixedPrecisionTest::score).measure(f.prepared(), f.scales(), BITS);
        long smallest = analyticBytes(table.baseBytes(), f.elements(), List.of(2, 2, 2));
        assertEquals(smallest, table.minimumBytes());
        var e = assertThrows(IllegalArgumentException.class, () -> MixedPrecision.choose(table, smallest - 1));
        assertTrue(e.getMessage().contains("below the smallest size"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MixedPrecision(f.quantizer(), m -> 0).measure(f.prepared(), f.scales(), List.of(9)));
    }

    @Test void perNodeBitsAreValidatedUpFront() {
        var nine = assertThrows(IllegalArgumentException.class, () -> QuantConfig.defaults().withWeightBits(Map.of("conv1", 9)));
        assertTrue(nine.getMessage().contains("2 to 8 bits, found 9"), nine.getMessage());
        assertThrows(IllegalArgumentException.class, () -> QuantConfig.defaults().withMode(Mode.DYNAMIC).withWeightBits(Map.of("gemm1", 4)));
        assertThrows(IllegalArgumentException.class, () -> QuantConfig.defaults().withMode(Mode.WEIGHT_ONLY)
                .withWeights(HalfPrecision.float16()).withWeightBits(Map.of("gemm1", 4)));
        QuantConfig c = QuantConfig.defaults().withWeightBits(Map.of("conv1", 3));
        assertEquals(3, ((QuantSpec) c.weightsFor("conv1")).bits());
        assertEquals(8, ((QuantSpec) c.weightsFor("conv2")).bits());
    }

    @Test void floatFallbackIsACandidateWithItsMeasuredSize() {
        Fixture f = fixture(new Models(5).convNet());
        MixedPrecision mp = new MixedPrecision(f.quantizer(), m -> score(m) - (m.graph().initializers().containsKey("conv1.weight_quantized") ? 1 : 0));
        MixedPrecision.Table table = mp.measure(f.prepared(), f.scales(), List.of(8, 4, MixedPrecision.FLOAT));
        MixedPrecision.Option conv1Float = table.layers().getFirst().option(MixedPrecision.FLOAT);
        assertEquals(-1.0, conv1Float.cost(), 1e-9);
        // 3 more bytes per weight, minus per channel a scale and a zero point (5 bytes) and the INT32 bias scale (4),
        // minus the scale and zero point of the input and of the output activation that only conv1 reads
        long n = f.elements().get("conv1"), c = 4;
        assertEquals(3 * n - 9 * c - 10, conv1Float.bytesDelta());
        long budget = table.baseBytes() + conv1Float.bytesDelta() - f.elements().get("gemm1") / 2;
        assertEquals(-f.elements().get("gemm1") / 2, table.layers().get(2).option(4).bytesDelta());
        MixedPrecision.Assignment a = MixedPrecision.choose(table, budget);
        assertEquals(List.of(MixedPrecision.FLOAT, 8, 4), List.copyOf(a.bits().values()));
        MixedPrecision.Result r = mp.apply(f.prepared(), f.scales(), a, budget);
        assertTrue(r.bytes() <= budget);
        assertTrue(r.model().graph().initializers().containsKey("conv1.weight"), "conv1 keeps its float weight");
        String recipe = r.model().metadata().get("slim4j.quantization");
        assertTrue(recipe.contains("; weight bits={conv2=8, gemm1=4}; excluded nodes=[conv1]"), recipe);
    }

    /**
     * Three equal 24x24 layers scored by how close the quantized outputs stay to the float ones; with a budget
     * of 4 bits a layer, the layer whose rows each hold one outlier (so that few bits round its other weights to
     * zero; the outliers read a unit that is always 0, so the float function is the same) keeps more bits than
     * the same layer without outliers, and at least as many as the other layers.
     */
    @Test void aLayerMadeSensitiveKeepsMoreBits() {
        int plain = chosenBits(mlp(false)).get("fc2");
        Map<String, Integer> sensitive = chosenBits(mlp(true));
        assertTrue(sensitive.get("fc2") > plain, "fc2 with outliers " + sensitive + ", without " + plain);
        assertTrue(sensitive.get("fc2") >= Math.max(sensitive.get("fc1"), sensitive.get("fc3")), sensitive.toString());
    }

    private static Map<String, Integer> chosenBits(Model m) {
        Models data = new Models(11);
        List<Map<String, Tensor>> batches = data.batches(1, 64, 24);
        Quantizer q = new Quantizer(QuantConfig.defaults());
        Prepared p = q.prepare(m);
        ScaleTable scales = q.calibrate(p, CalibrationData.of(batches));
        Tensor reference = run(m, batches.getFirst());
        MixedPrecision mp = new MixedPrecision(q, model -> 100 - 100 * relativeError(run(model, batches.getFirst()), reference));
        MixedPrecision.Table table = mp.measure(p, scales, BITS);
        long budget = analyticFour(table);
        return MixedPrecision.choose(table, budget).bits();
    }

    /** The packed bytes with every layer at 4 bits. */
    private static long analyticFour(MixedPrecision.Table t) {
        long b = t.baseBytes();
        for (MixedPrecision.Layer l : t.layers()) b += l.option(4).bytesDelta();
        return b;
    }

    private static Model mlp(boolean outliers) {
        Models w = new Models(7);
        GraphBuilder b = GraphBuilder.create("mlp3");
        String x = b.input("x", DType.FLOAT32, "N", 24);
        Tensor w1 = w.weights(0.3f, 24, 24);
        Tensor b1 = w.weights(0.1f, 24);
        for (int c = 0; c < 24; c++) w1.setFloat(c, 0f);
        b1.setFloat(0, -1f);
        String h = b.relu(b.named("fc1").linear(x, w1, b1));
        Tensor w2 = w.weights(0.3f, 24, 24);
        if (outliers) for (int r = 0; r < 24; r++) w2.setFloat(r * 24L, 6f);
        String h2 = b.relu(b.named("fc2").linear(h, w2, w.weights(0.1f, 24)));
        String y = b.named("fc3").linear(h2, w.weights(0.3f, 24, 24), w.weights(0.1f, 24));
        return b.output(y).buildModel();
    }

    private static Tensor run(Model m, Map<String, Tensor> feeds) {
        try (Session s = Session.create(m)) {
            return s.run(feeds).values().iterator().next();
        }
    }

    private static double relativeError(Tensor a, Tensor ref) {
        double num = 0, den = 0;
        for (long i = 0; i < ref.size(); i++) {
            double d = a.getFloat(i) - ref.getFloat(i);
            num += d * d;
            den += (double) ref.getFloat(i) * ref.getFloat(i);
        }
        return Math.sqrt(num / den);
    }
}
