package dev.slim4j.compress.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.ir.GraphVerifier;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.metrics.ModelMetrics;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The four torchvision graphs (ResNet-18, MobileNetV2, SqueezeNet 1.1, ShuffleNetV2 x1.0) with random
 * weights, pruned at 30% of the channels of every prunable group by L1 norm.
 */
class PruneTorchvisionTest {
    @ParameterizedTest
    @ValueSource(strings = {"resnet18", "mobilenet_v2", "squeezenet1_1", "shufflenet_v2_x1_0"})
    void prunedAtThirtyPercentRunsWithTheExpectedChannelCounts(String name) {
        Model model = TorchvisionSkeletons.load(name, 11);
        DependencyGraph g = DependencyGraph.of(model);
        System.out.println(name + "\n" + g.table());
        assertFalse(g.prunableGroups().isEmpty(), g.table());
        PruningPlan plan = ChannelRanking.plan(g, PruningConfig.defaults().withRatio(0.3));
        Model pruned = ChannelPruner.apply(g, plan);
        GraphVerifier.verify(pruned);
        java.util.Map<ChannelRef, Integer> expected = new java.util.HashMap<>();
        for (PruningGroup group : g.prunableGroups()) {
            int keep = group.size() - (int) Math.floor(0.3 * group.size());
            assertEquals(keep, plan.kept(group).size(), "group " + group.id());
            java.util.Set<Integer> kept = new java.util.HashSet<>(plan.kept(group));
            for (int ch = 0; ch < group.size(); ch++) {
                if (kept.contains(ch)) continue;
                for (ChannelIndex i : group.channels().get(ch).indices()) expected.merge(i.ref(), 1, Integer::sum);
            }
        }
        int checked = 0;
        for (PruningGroup group : g.groups()) {
            for (ChannelRef r : group.tensors(TensorRole.FILTER)) {
                int want = r.size() - expected.getOrDefault(r, 0);
                assertEquals(want, pruned.graph().initializers().get(r.tensor()).shape().dim(r.axis()), r.describe());
                checked++;
            }
        }
        assertTrue(checked > 10 && !expected.isEmpty());
        Tensor x = TorchvisionSkeletons.image(3);
        Tensor before = PruneModels.run(model, TorchvisionSkeletons.INPUT, x);
        Tensor after = PruneModels.run(pruned, TorchvisionSkeletons.INPUT, x);
        assertEquals(Shape.of(1, 1000), after.shape());
        assertEquals(Shape.of(2, 1000), PruneModels.run(pruned, TorchvisionSkeletons.INPUT, TorchvisionSkeletons.images(2, 3)).shape(),
                "the batch stays dynamic");
        assertEquals(before.shape(), after.shape());
        assertTrue(Double.isFinite(ChannelZeroing.maxAbs(after)) && ChannelZeroing.maxAbs(after) > 0);
        long p0 = ModelMetrics.measure(model).params();
        long p1 = ModelMetrics.measure(pruned).params();
        long m0 = ModelMetrics.measure(g.model()).macs();
        long m1 = ModelMetrics.measure(pruned).macs();
        System.out.printf("%s: %d prunable of %d groups; params %d -> %d (%.3f), MACs %d -> %d (%.3f)%n", name,
                g.prunableGroups().size(), g.groups().size(), p0, p1, (double) p1 / p0, m0, m1, (double) m1 / m0);
        assertTrue(p1 < 0.8 * p0, "params " + p0 + " -> " + p1);
        assertEquals(Model.DEFAULT_OPSET, pruned.opset(""));
        assertEquals(p0, ModelMetrics.measure(model).params(), "the original model keeps its weights");
    }

    @ParameterizedTest
    @ValueSource(strings = {"resnet18", "mobilenet_v2", "squeezenet1_1", "shufflenet_v2_x1_0"})
    void ratioZeroGivesIdenticalOutputs(String name) {
        Model model = TorchvisionSkeletons.load(name, 5);
        DependencyGraph g = DependencyGraph.of(model);
        PruningPlan plan = ChannelRanking.plan(g, PruningConfig.defaults().withRatio(0));
        assertEquals(0, plan.removedCount(g));
        Model same = ChannelPruner.apply(g, plan);
        Tensor x = TorchvisionSkeletons.image(4);
        Tensor before = PruneModels.run(model, TorchvisionSkeletons.INPUT, x);
        double diff = ChannelZeroing.maxDiff(before, PruneModels.run(same, TorchvisionSkeletons.INPUT, x));
        System.out.printf("%s ratio 0: max diff %.3g at output scale %.3g%n", name, diff, ChannelZeroing.maxAbs(before));
        assertTrue(diff <= 1e-6 * ChannelZeroing.maxAbs(before), name + ": max diff " + diff);
    }

    /** Channels whose filters, biases and BN scale/shift are zero carry nothing: removing them changes no output. */
    @ParameterizedTest
    @ValueSource(strings = {"resnet18", "mobilenet_v2", "squeezenet1_1", "shufflenet_v2_x1_0"})
    void removingZeroedChannelsLeavesOutputsUnchanged(String name) {
        DependencyGraph g = DependencyGraph.of(TorchvisionSkeletons.load(name, 9));
        Model zeroed = g.model();
        PruningPlan plan = PruningPlan.none();
        List<PruningGroup> groups = g.prunableGroups();
        for (int k = 0; k < groups.size(); k += 3) {
            PruningGroup group = groups.get(k);
            if (group.size() < 2) continue;
            List<Integer> gone = List.of(0, group.size() / 2);
            zeroed = ChannelZeroing.zero(zeroed, group, gone.stream().distinct().toList());
            plan = plan.withRemoved(group, gone);
        }
        DependencyGraph zg = DependencyGraph.of(zeroed);
        assertEquals(g.groups().stream().map(PruningGroup::size).toList(), zg.groups().stream().map(PruningGroup::size).toList());
        Model pruned = ChannelPruner.apply(zg, plan);
        Tensor x = TorchvisionSkeletons.image(6);
        Tensor expected = PruneModels.run(zeroed, TorchvisionSkeletons.INPUT, x);
        Tensor actual = PruneModels.run(pruned, TorchvisionSkeletons.INPUT, x);
        double scale = Math.max(1e-6, ChannelZeroing.maxAbs(expected));
        assertTrue(ChannelZeroing.maxDiff(expected, actual) <= 1e-4 * scale + 1e-5,
                name + ": max diff " + ChannelZeroing.maxDiff(expected, actual) + " at output scale " + scale);
        assertTrue(ModelMetrics.measure(pruned).params() < ModelMetrics.measure(zeroed).params());
    }
}
