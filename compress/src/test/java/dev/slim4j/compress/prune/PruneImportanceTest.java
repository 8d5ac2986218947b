package dev.slim4j.compress.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.ir.GraphBuilder;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.metrics.ModelMetrics;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Criteria against scores computed here by hand, and the ranking and FLOPs solver on small models. */
class PruneImportanceTest {
    private final PruneModels models = new PruneModels(3);

    /** conv1 (4 filters, 2 in, 1x1) -> BN -> relu -> conv2 (3 out): the conv1 group couples conv1 filters, BN and conv2 columns. */
    private static final float[] W1 = {1, -1, 0.5f, 0.5f, -2, 2, 0.1f, 0};
    private static final float[] W2 = {1, 0, 0, 3, 0, 1, 1, 0, -1, 0, 0, 2};
    private static final float[] GAMMA = {0.5f, -3, 1, 0.25f};

    private static Model tiny() {
        GraphBuilder b = GraphBuilder.create("tiny");
        String x = b.input("x", DType.FLOAT32, "N", 2, 3, 3);
        String h = b.conv(x, Tensor.of(W1, 4, 2, 1, 1), null, 1, 0);
        h = b.relu(b.batchNorm(h, Tensor.of(GAMMA, 4), Tensor.of(new float[4], 4), Tensor.of(new float[4], 4),
                Tensor.of(new float[] {1, 1, 1, 1}, 4), 1e-5f));
        return b.output(b.conv(h, Tensor.of(W2, 3, 4, 1, 1), null, 1, 0)).buildModel();
    }

    private static PruningGroup first(DependencyGraph g) {
        return g.groups().stream().filter(p -> p.tensors().stream().anyMatch(t -> t.tensor().equals("conv1.weight") && t.axis() == 0))
                .findFirst().orElseThrow();
    }

    /** Per conv1 channel c: its filter W1[c, :], its BN scale, and conv2's column W2[:, c]. */
    private static double[] byHand(java.util.function.DoubleUnaryOperator f) {
        double[] s = new double[4];
        for (int c = 0; c < 4; c++) {
            for (int i = 0; i < 2; i++) s[c] += f.applyAsDouble(W1[c * 2 + i]);
            s[c] += f.applyAsDouble(GAMMA[c]);
            for (int o = 0; o < 3; o++) s[c] += f.applyAsDouble(W2[o * 4 + c]);
        }
        return s;
    }

    @Test void l1AndL2SumEveryCoupledWeight() {
        DependencyGraph g = DependencyGraph.of(tiny());
        PruningGroup p = first(g);
        assertArrayEquals(byHand(Math::abs), Importance.l1().score(g, p), 1e-6);
        assertArrayEquals(byHand(v -> v * v), Importance.l2().score(g, p), 1e-6);
    }

    @Test void normScaleIsAbsoluteGamma() {
        DependencyGraph g = DependencyGraph.of(tiny());
        assertArrayEquals(new double[] {0.5, 3, 1, 0.25}, Importance.normScale().score(g, first(g)), 1e-6);
        DependencyGraph plain = DependencyGraph.of(models.concat());
        PruningException e = assertThrows(PruningException.class,
                () -> Importance.normScale().score(plain, plain.prunableGroups().getFirst()));
        assertTrue(e.getMessage().contains("no BatchNorm scale"), e.getMessage());
    }

    @Test void taylorIsAbsoluteWeightTimesGradient() {
        DependencyGraph g = DependencyGraph.of(tiny());
        Map<String, Tensor> grads = new HashMap<>();
        float[] g1 = new float[8];
        for (int i = 0; i < 8; i++) g1[i] = i - 3;
        grads.put("conv1.weight", Tensor.of(g1, 4, 2, 1, 1));
        double[] expected = new double[4];
        for (int c = 0; c < 4; c++) for (int i = 0; i < 2; i++) expected[c] += Math.abs(W1[c * 2 + i] * g1[c * 2 + i]);
        assertArrayEquals(expected, Importance.taylor(grads).score(g, first(g)), 1e-6);
        grads.put("conv1.weight", Tensor.of(new float[4], 4));
        assertThrows(PruningException.class, () -> Importance.taylor(grads).score(g, first(g)));
    }

    @Test void fpgmRanksTheFilterNearestTheOthersLowest() {
        GraphBuilder b = GraphBuilder.create("fpgm");
        String x = b.input("x", DType.FLOAT32, "N", 2, 3, 3);
        float[] w = {0, 0, 4, 0, 2, 0.1f, 0, 4};
        String h = b.relu(b.conv(x, Tensor.of(w, 4, 2, 1, 1), null, 1, 0));
        DependencyGraph g = DependencyGraph.of(b.output(b.conv(h, models.w(2, 4, 1, 1), null, 1, 0)).buildModel());
        PruningGroup p = first(g);
        double[] s = Importance.fpgm().score(g, p);
        double[] expected = new double[4];
        for (int a = 0; a < 4; a++) {
            for (int c = 0; c < 4; c++) expected[a] += Math.hypot(w[a * 2] - w[c * 2], w[a * 2 + 1] - w[c * 2 + 1]);
        }
        assertArrayEquals(expected, s, 1e-6);
        assertEquals(List.of(0, 1, 3), ChannelRanking.of(g, PruningConfig.defaults().withImportance(Importance.fpgm()))
                .plan(0.25).kept(p), "filter 2, [2, 0.1], is nearest the others");
    }

    @Test void randomIsSeeded() {
        DependencyGraph g = DependencyGraph.of(models.residual());
        PruningGroup p = g.prunableGroups().getFirst();
        assertArrayEquals(Importance.random(1).score(g, p), Importance.random(1).score(g, p));
        assertFalse(java.util.Arrays.equals(Importance.random(1).score(g, p), Importance.random(2).score(g, p)));
    }

    @Test void perGroupRatioRemovesTheLowestScoredChannels() {
        DependencyGraph g = DependencyGraph.of(tiny());
        PruningPlan plan = ChannelRanking.plan(g, PruningConfig.defaults().withImportance(Importance.normScale()).withRatio(0.5));
        assertEquals(List.of(1, 2), plan.kept(first(g)), "|gamma| 0.25 and 0.5 go");
        Model pruned = ChannelPruner.apply(g, plan);
        assertEquals(Shape.of(2, 2, 1, 1), pruned.graph().initializers().get("conv1.weight").shape());
        assertEquals(Shape.of(3, 2, 1, 1), pruned.graph().initializers().get("conv2.weight").shape());
        assertArrayEquals(new float[] {-3, 1}, pruned.graph().initializers().get("batchnormalization1.weight").floats());
        assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0}, pruned.graph().initializers().get("conv2.weight").floats());
    }

    @Test void perLayerRatiosPruneOnlyTheNamedGroups() {
        DependencyGraph g = DependencyGraph.of(models.residual());
        ChannelRanking ranking = ChannelRanking.of(g, PruningConfig.defaults());
        PruningGroup a = g.prunableGroups().get(0);
        PruningGroup b = g.prunableGroups().get(1);
        PruningPlan plan = ranking.plan(Map.of(a.id(), 0.5));
        assertEquals(a.size() / 2, plan.removedCount(a));
        assertEquals(0, plan.removedCount(b));
        assertEquals(a.size() - 1, ranking.plan(Map.of(a.id(), 0.99)).removedCount(a), "one channel always stays");
        PruningGroup blocked = g.groups().stream().filter(p -> !p.isPrunable()).findFirst().orElseThrow();
        assertThrows(PruningException.class, () -> ranking.plan(Map.of(blocked.id(), 0.5)));
    }

    @Test void globalRankingTakesFromTheGroupWithSmallerScores() {
        GraphBuilder b = GraphBuilder.create("two");
        String x = b.input("x", DType.FLOAT32, "N", 2, 4, 4);
        Tensor small = scaled(models.w(6, 2, 3, 3), 0.01f);
        String h1 = b.relu(b.conv(x, small, null, 1, 1));
        String h2 = b.relu(b.conv(h1, models.w(6, 6, 3, 3), null, 1, 1));
        DependencyGraph g = DependencyGraph.of(b.output(b.conv(h2, scaled(models.w(2, 6, 1, 1), 100), null, 1, 0)).buildModel());
        PruningConfig l1Global = PruningConfig.defaults().withScope(Scope.GLOBAL).withNormalization(ScoreNormalization.NONE)
                .withImportance(Importance.l1()).withRatio(0.25);
        PruningPlan plan = ChannelRanking.plan(g, l1Global);
        assertEquals(3, plan.removedCount(g), "25% of 12 channels");
        PruningGroup firstGroup = first(g);
        assertEquals(3, plan.removedCount(firstGroup), "conv1 filters (x0.01) score below conv3 columns (x100)\n" + g.table());
        PruningPlan normalized = ChannelRanking.plan(g, l1Global.withNormalization(ScoreNormalization.MEAN).withRatio(0.9));
        assertTrue(normalized.kept(firstGroup).size() >= 1, "every group keeps a channel");
        assertEquals(5, normalized.removedCount(firstGroup), "capped at 90% of 6 channels");
    }

    @Test void flopsTargetKeepsAtMostTheRequestedMacs() {
        Model m = models.residual();
        DependencyGraph g = DependencyGraph.of(m);
        FlopsTarget.Result r = FlopsTarget.solve(g, PruningConfig.defaults().withScope(Scope.GLOBAL), 0.6);
        assertTrue(r.reached());
        long before = ModelMetrics.measure(m).macs();
        long after = ModelMetrics.measure(ChannelPruner.apply(g, r.plan())).macs();
        assertEquals(before, r.macsBefore());
        assertEquals(after, r.macsAfter());
        assertTrue(after <= 0.6 * before, after + " of " + before);
        assertTrue(after >= 0.4 * before, "bisection stops near the target, found " + after + " of " + before);
        assertThrows(IllegalArgumentException.class, () -> FlopsTarget.solve(g, PruningConfig.defaults(), 1.5));
    }

    @Test void nonsenseSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> PruningConfig.defaults().withRatio(1.5));
        assertThrows(IllegalArgumentException.class, () -> PruningConfig.defaults().withRatio(-0.1));
        assertThrows(IllegalArgumentException.class, () -> PruningConfig.defaults().withRoundTo(0));
    }

    private static Tensor scaled(Tensor t, float k) {
        float[] v = t.floats();
        for (int i = 0; i < v.length; i++) v[i] *= k;
        return Tensor.ofFloats(t.shape(), v);
    }
}
