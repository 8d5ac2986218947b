package dev.slim4j.compress.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.ir.GraphBuilder;
import dev.slim4j.ir.Model;
import dev.slim4j.runtime.Session;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReconstructionPruningTest {
    /** Channel 2 never contributes; channels 0 and 1 cancel each other, so after 2 the pair costs less than either alone. */
    @Test void greedyRemovesWhatTheNextLayerDoesNotMiss() {
        double[][] c = {{1, -1, 0, 3}, {2, -2, 0, -3}, {-1, 1, 0, 3}};
        assertEquals(List.of(2), ReconstructionPruning.greedy(c, 1));
        assertEquals(List.of(2, 0, 1), ReconstructionPruning.greedy(c, 3));
    }

    /**
     * Hidden channel 1 has the largest first-layer weights (L1 keeps it) but a zero column in the next
     * layer: reconstruction removes it, and the pruned model computes exactly what the original did.
     */
    @Test void removesTheChannelTheNextLayerIgnoresOnAConvAndOnAGemm() {
        Random r = new Random(1);
        for (boolean conv : new boolean[] {true, false}) {
            GraphBuilder b = GraphBuilder.create("g");
            String x = b.input("x", DType.FLOAT32, "N", 2, 6, 6);
            float[] w1 = gaussian(r, 4 * 2 * 9);
            for (int i = 9 * 2; i < 9 * 4; i++) w1[i] *= 10;
            String h = b.relu(b.conv(x, Tensor.ofFloats(Shape.of(4, 2, 3, 3), w1), Tensor.ofFloats(Shape.of(4), gaussian(r, 4)), 1, 1));
            String y;
            if (conv) {
                float[] w2 = gaussian(r, 3 * 4 * 9);
                for (int o = 0; o < 3; o++) for (int k = 0; k < 9; k++) w2[(o * 4 + 1) * 9 + k] = 0;
                y = b.conv(h, Tensor.ofFloats(Shape.of(3, 4, 3, 3), w2), Tensor.ofFloats(Shape.of(3), gaussian(r, 3)), 2, 1);
            } else {
                float[] w2 = gaussian(r, 3 * 4 * 36);
                for (int o = 0; o < 3; o++) for (int k = 0; k < 36; k++) w2[o * 144 + 36 + k] = 0;
                y = b.linear(b.flatten(h, 1), Tensor.ofFloats(Shape.of(3, 144), w2), Tensor.ofFloats(Shape.of(3), gaussian(r, 3)));
            }
            Model model = b.output(y).buildModel();
            DependencyGraph graph = DependencyGraph.of(model);
            List<Map<String, Tensor>> batches = List.of(Map.of("x", Tensor.ofFloats(Shape.of(4, 2, 6, 6), gaussian(r, 4 * 72))));
            ReconstructionPruning.Result res = ReconstructionPruning.plan(graph, 0.25, batches, 200, 7);
            PruningGroup hidden = graph.prunableGroups().getFirst();
            assertEquals(List.of(0, 2, 3), res.plan().kept(hidden), conv ? "conv" : "gemm");
            List<Integer> byL1 = ChannelRanking.plan(graph, PruningConfig.defaults().withImportance(Importance.l1()).withRatio(0.25))
                    .kept(hidden);
            assertNotEquals(res.plan().kept(hidden), byL1, "L1 would cut another channel");
            Model pruned = ChannelPruner.apply(graph, res.plan());
            Tensor input = Tensor.ofFloats(Shape.of(2, 2, 6, 6), gaussian(r, 144));
            assertArrayEquals(run(model, input), run(pruned, input), 1e-5f);
            assertTrue(res.skipped().isEmpty(), res.skipped().toString());
        }
    }

    /**
     * h is read by two convolutions, so reconstruction leaves its group whole: a ratio solved over every group
     * (FlopsTarget with L1) then keeps more MACs than asked, while ratioForMacs, solved over the groups
     * reconstruction prunes, meets the budget, and no smaller ratio would.
     */
    @Test void aFlopsTargetIsMetOverTheGroupsReconstructionPrunes() {
        Random r = new Random(2);
        GraphBuilder b = GraphBuilder.create("branches");
        String x = b.input("x", DType.FLOAT32, "N", 3, 8, 8);
        String h = b.relu(b.conv(x, Tensor.ofFloats(Shape.of(16, 3, 3, 3), gaussian(r, 16 * 27)), null, 1, 1));
        String left = b.conv(h, Tensor.ofFloats(Shape.of(12, 16, 3, 3), gaussian(r, 12 * 144)), null, 1, 1);
        String right = b.conv(h, Tensor.ofFloats(Shape.of(12, 16, 1, 1), gaussian(r, 12 * 16)), null, 1, 0);
        String joined = b.relu(b.add(left, right));
        String c = b.relu(b.conv(joined, Tensor.ofFloats(Shape.of(10, 12, 3, 3), gaussian(r, 10 * 108)), null, 1, 1));
        String y = b.linear(b.flatten(b.globalAveragePool(c), 1), Tensor.ofFloats(Shape.of(4, 10), gaussian(r, 40)), null);
        DependencyGraph graph = DependencyGraph.of(b.output(y).buildModel());
        List<Map<String, Tensor>> batches = List.of(Map.of("x", Tensor.ofFloats(Shape.of(4, 3, 8, 8), gaussian(r, 4 * 192))));
        double keep = 0.6;
        long before = dev.slim4j.ir.metrics.ModelMetrics.measure(graph.model()).macs();

        double overAll = FlopsTarget.solve(graph, PruningConfig.defaults().withImportance(Importance.l1()), keep).ratio();
        ReconstructionPruning.Result missed = ReconstructionPruning.plan(graph, overAll, batches, 100, 3);
        assertEquals(1, missed.skipped().size(), missed.skipped().toString());
        assertTrue(macs(graph, missed.plan()) > keep * before, "the old ratio should miss the target here");

        FlopsTarget.Result budget = ReconstructionPruning.ratioForMacs(graph, keep);
        assertTrue(budget.reached());
        long after = macs(graph, ReconstructionPruning.plan(graph, budget.ratio(), batches, 100, 3).plan());
        assertEquals(budget.macsAfter(), after, "MACs depend on the ratio, not on the channels chosen");
        assertTrue(after <= keep * before, after + " of " + before);
        long lessPruned = macs(graph, ReconstructionPruning.plan(graph, budget.ratio() - 0.01, batches, 100, 3).plan());
        assertTrue(lessPruned > keep * before || lessPruned == after, "a smaller ratio should not reach the target too");
    }

    private static long macs(DependencyGraph graph, PruningPlan plan) {
        return dev.slim4j.ir.metrics.ModelMetrics.measure(ChannelPruner.apply(graph, plan)).macs();
    }

    private static float[] run(Model m, Tensor x) {
        try (Session s = Session.create(m)) {
            return s.run(Map.of("x", x)).values().iterator().next().floats();
        }
    }

    private static float[] gaussian(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) r.nextGaussian();
        return v;
    }
}
