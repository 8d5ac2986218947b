package dev.slim4j.compress.sparsity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.ir.GraphBuilder;
import dev.slim4j.ir.Model;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.train.zoo.ModelZoo;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Magnitude pruning: exact counts, the smallest weights go, global thresholds, conv kernels, selection, purity. */
class MagnitudePruningTest {
    private static final Model LENET300 = ModelZoo.build("lenet300", 1);

    @Test
    void perLayerPrunesTheSmallestFractionOfEachLayer() {
        Map<String, float[]> before = weights(LENET300);
        SparseResult r = MagnitudePruning.apply(LENET300, SparsityConfig.defaults().withSparsity(0.9));
        assertEquals(3, r.targets().size(), r.targets()::toString);
        for (PruningTarget t : r.targets()) {
            float[] w = before.get(t.weight());
            float[] p = r.model().graph().initializers().get(t.weight()).floats();
            int zeros = 0;
            float maxPruned = 0;
            float minKept = Float.MAX_VALUE;
            for (int i = 0; i < w.length; i++) {
                if (p[i] == 0f) {
                    zeros++;
                    maxPruned = Math.max(maxPruned, Math.abs(w[i]));
                    assertTrue(r.masks().isPruned(t.weight(), i));
                } else {
                    assertEquals(w[i], p[i], "kept weights keep their value");
                    minKept = Math.min(minKept, Math.abs(w[i]));
                }
            }
            assertEquals(Math.round(0.9 * w.length), zeros, t.weight());
            assertTrue(maxPruned <= minKept, t.weight() + ": pruned " + maxPruned + " > kept " + minKept);
        }
        assertEquals(0.9, r.report().sparsity(), 1e-5);
        assertEquals(before.keySet(), weights(LENET300).keySet());
        before.forEach((k, v) -> assertArrayEquals(v, weights(LENET300).get(k), "the original model is unchanged"));
    }

    @Test
    void globalThresholdPrunesSmallWeightLayersHarder() {
        GraphBuilder b = GraphBuilder.create("two");
        String x = b.input("x", DType.FLOAT32, "N", 20);
        String h = b.linear(x, random(new Random(1), 1f, 30, 20), null);
        String y = b.linear(h, random(new Random(2), 0.01f, 10, 30), null);
        Model m = b.outputAs(y, "y").buildModel();
        SparseResult r = MagnitudePruning.apply(m, SparsityConfig.defaults().withSparsity(0.5)
                .withScope(ThresholdScope.GLOBAL));
        assertEquals(450, r.report().zeros(), "50% of 900 weights");
        LayerSparsity small = r.report().layers().get(1);
        assertEquals(300, small.zeros(), "every weight of the small layer goes first");
        assertEquals(150, r.report().layers().get(0).zeros());
    }

    @Test
    void kernelGranularityRemovesWholeKernels() {
        GraphBuilder b = GraphBuilder.create("conv");
        String x = b.input("x", DType.FLOAT32, "N", 3, 8, 8);
        String c = b.conv(x, random(new Random(3), 1f, 4, 3, 3, 3), null, 1, 1);
        Model m = b.outputAs(c, "y").buildModel();
        SparseResult r = MagnitudePruning.apply(m, SparsityConfig.defaults().withSparsity(0.5)
                .withGranularity(Granularity.KERNEL));
        float[] w = r.model().graph().initializers().get(r.targets().getFirst().weight()).floats();
        int zeroKernels = 0;
        for (int k = 0; k < 12; k++) {
            int zeros = 0;
            for (int i = 0; i < 9; i++) if (w[k * 9 + i] == 0f) zeros++;
            assertTrue(zeros == 0 || zeros == 9, "kernel " + k + " has " + zeros + " zeros");
            if (zeros == 9) zeroKernels++;
        }
        assertEquals(6, zeroKernels);
    }

    @Test
    void selectionByOpNameAndOverrides() {
        String first = LENET300.graph().nodes().stream().filter(n -> n.op().opType().equals("Gemm")).findFirst()
                .orElseThrow().name();
        SparsityConfig c = SparsityConfig.defaults().withSparsity(0.8).withExclude(Set.of(first));
        assertEquals(2, MagnitudePruning.targets(LENET300, c).size());
        SparseResult r = MagnitudePruning.apply(LENET300, SparsityConfig.defaults().withSparsity(0.8)
                .withLayerSparsity(Map.of(first, 0.5)));
        assertEquals(0.5, r.report().layers().getFirst().sparsity(), 1e-4);
        assertEquals(0.8, r.report().layers().get(1).sparsity(), 1e-4);
        assertThrows(IllegalArgumentException.class, () -> MagnitudePruning.targets(LENET300,
                SparsityConfig.defaults().withOpTypes(Set.of("Conv"))));
        assertThrows(IllegalArgumentException.class, () -> SparsityConfig.defaults().withSparsity(1.5));
        assertThrows(IllegalArgumentException.class, () -> SparsityConfig.defaults().withSparsity(-0.1));
    }

    @Test
    void reportCountsCsrBytes() {
        SparseResult r = MagnitudePruning.apply(LENET300, SparsityConfig.defaults().withSparsity(0.9));
        LayerSparsity first = r.report().layers().getFirst();
        long nonZeros = first.elements() - first.zeros();
        assertEquals(4 * first.elements(), first.denseBytes());
        assertEquals(8 * nonZeros + 4 * (300 + 1), first.csrBytes(), "values + column indices + 301 row starts");
        assertTrue(r.report().table().contains("total"));
        assertTrue(r.report().csrBytes() < r.report().denseBytes() / 4);
    }

    @Test
    void schedulesGiveTheirAnalyticValues() {
        PruningSchedule.Agp agp = new PruningSchedule.Agp(0.1, 10, 100, 10);
        assertEquals(0, agp.sparsityAt(9, 0.9));
        assertEquals(0.1, agp.sparsityAt(10, 0.9), 1e-12);
        assertEquals(0.9 - 0.8 * 0.125, agp.sparsityAt(60, 0.9), 1e-12, "half way: (1 - 1/2)^3 of the gap is left");
        assertEquals(0.9 - 0.8 * 0.125, agp.sparsityAt(69, 0.9), 1e-12, "held between updates");
        assertEquals(0.9 - 0.8 * Math.pow(0.3, 3), agp.sparsityAt(80, 0.9), 1e-12);
        assertEquals(0.9, agp.sparsityAt(110, 0.9), 1e-12);
        assertEquals(0.9, agp.sparsityAt(10_000, 0.9), 1e-12);
        assertTrue(agp.updatesAt(10) && agp.updatesAt(110) && !agp.updatesAt(15) && !agp.updatesAt(120));
        PruningSchedule.Agp uneven = new PruningSchedule.Agp(0, 0, 25, 10);
        assertEquals(0.9 - 0.9 * Math.pow(0.2, 3), uneven.sparsityAt(24, 0.9), 1e-12);
        assertEquals(0.9, uneven.sparsityAt(25, 0.9), 1e-12, "the target at the end of a span that is no multiple");
        assertTrue(uneven.updatesAt(25) && uneven.updatesAt(20) && !uneven.updatesAt(30));
        PruningSchedule.Iterative it = new PruningSchedule.Iterative(3);
        assertEquals(0.5, it.sparsityAfter(1, 0.875), 1e-12);
        assertEquals(0.75, it.sparsityAfter(2, 0.875), 1e-12);
        assertEquals(0.875, it.sparsityAfter(3, 0.875), 1e-12);
    }

    static Map<String, float[]> weights(Model m) {
        Map<String, float[]> out = new java.util.LinkedHashMap<>();
        m.graph().initializers().forEach((k, v) -> out.put(k, v.floats().clone()));
        return out;
    }

    static Tensor random(Random r, float scale, int... dims) {
        int n = 1;
        for (int d : dims) n *= d;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = scale * (r.nextFloat() * 2 - 1);
        return Tensor.of(v, dims);
    }

    static List<String> names(SparseResult r) {
        return r.targets().stream().map(PruningTarget::weight).toList();
    }
}
