package dev.slim4j.compress.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.ir.GraphVerifier;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.op.Conv;
import dev.slim4j.tensor.Tensor;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Per-rule before/after checks on small graphs: coupled tensors, shapes after slicing, outputs against zeroed channels. */
class PruneRulesTest {
    private final PruneModels models = new PruneModels(7);

    private static PruningGroup groupWith(DependencyGraph g, String tensor, int axis) {
        return g.groups().stream().filter(p -> p.tensors().stream().anyMatch(t -> t.tensor().equals(tensor) && t.axis() == axis))
                .findFirst().orElseThrow(() -> new AssertionError("no group couples " + tensor + "[" + axis + "]\n" + g.table()));
    }

    private static Set<String> names(PruningGroup g) {
        return g.tensors().stream().map(ChannelRef::describe).collect(Collectors.toSet());
    }

    /** Prunes {@code removed} channels of {@code group} and checks the output against the zeroed original. */
    private static Model checkAgainstZeroed(DependencyGraph g, PruningGroup group, List<Integer> removed, Tensor x) {
        Model pruned = ChannelPruner.apply(g, PruningPlan.none().withRemoved(group, removed));
        GraphVerifier.verify(pruned);
        Tensor expected = PruneModels.run(ChannelZeroing.zero(g, group, removed), "x", x);
        Tensor actual = PruneModels.run(pruned, "x", x);
        Tensor unpruned = PruneModels.run(g.model(), "x", x);
        assertTrue(ChannelZeroing.maxDiff(expected, actual) < 1e-4, "pruned differs from zeroed by " + ChannelZeroing.maxDiff(expected, actual));
        assertTrue(ChannelZeroing.maxDiff(unpruned, actual) > 1e-3, "removing channels should change the output");
        return pruned;
    }

    @Test void residualAddCouplesBothBranchesAndTheNextInput() {
        Model m = models.residual();
        DependencyGraph g = DependencyGraph.of(m);
        PruningGroup res = groupWith(g, "conv2.weight", 0);
        assertEquals(Set.of("conv2[1]", "add1[1]", "conv3[1]", "relu2[1]", "conv2.weight[0]", "conv2.bias[0]",
                "conv3.weight[0]", "conv3.bias[0]", "conv4.weight[1]"), names(res));
        assertEquals(6, res.size());
        PruningGroup first = groupWith(g, "conv1.weight", 0);
        assertTrue(names(first).containsAll(Set.of("batchnormalization1.weight[0]", "batchnormalization1.running_var[0]",
                "conv2.weight[1]")), g.table());
        assertFalse(groupWith(g, "x", 1).isPrunable());
        assertFalse(groupWith(g, "gemm1.weight", 0).isPrunable());
        Model pruned = checkAgainstZeroed(g, res, List.of(1, 4), models.input(2, 3, 8, 8));
        assertEquals(List.of(4, 8, 3, 3), List.of(pruned.graph().initializers().get("conv2.weight").shape().toArray()[0],
                8, 3, 3));
        assertEquals(4, pruned.graph().initializers().get("conv3.weight").shape().dim(0));
        assertEquals(4, pruned.graph().initializers().get("conv4.weight").shape().dim(1));
        checkAgainstZeroed(g, first, List.of(0, 3, 7), models.input(1, 3, 8, 8));
        assertEquals(8, m.graph().initializers().get("conv1.weight").shape().dim(0), "the original model is untouched");
    }

    @Test void concatMapsEachInputToItsOffsets() {
        DependencyGraph g = DependencyGraph.of(models.concat());
        PruningGroup e1 = groupWith(g, "conv2.weight", 0);
        PruningGroup e3 = groupWith(g, "conv3.weight", 0);
        assertEquals(5, e1.size());
        assertEquals(3, e3.size());
        ChannelRef concatIn = g.group(e3.id()).tensors().stream().filter(t -> t.tensor().equals("conv4.weight")).findFirst().orElseThrow();
        assertEquals(List.of(5, 6, 7), e3.channels().stream().flatMap(c -> c.indicesOf(concatIn).stream()).toList());
        Tensor x = models.input(2, 3, 6, 6);
        Model p = checkAgainstZeroed(g, e3, List.of(1), x);
        assertEquals(7, p.graph().initializers().get("conv4.weight").shape().dim(1));
        checkAgainstZeroed(g, e1, List.of(0, 4), x);
    }

    @Test void depthwiseCouplesItsInputAndOutputAndUpdatesTheGroupCount() {
        DependencyGraph g = DependencyGraph.of(models.depthwise());
        PruningGroup e = groupWith(g, "conv1.weight", 0);
        assertTrue(names(e).containsAll(Set.of("conv2.weight[0]", "conv3.weight[1]", "batchnormalization2.weight[0]")), g.table());
        Model p = checkAgainstZeroed(g, e, List.of(0, 5, 11), models.input(1, 3, 6, 6));
        Node dw = p.graph().nodes().stream().filter(n -> n.name().equals("conv2")).findFirst().orElseThrow();
        assertEquals(9, ((Conv) dw.op()).group());
        assertEquals(List.of(9, 1, 3, 3), List.of(9, p.graph().initializers().get("conv2.weight").shape().dim(1), 3, 3));
    }

    @Test void flattenAndReshapeGiveEachChannelABlockOfGemmFeatures() {
        for (boolean reshape : List.of(false, true)) {
            DependencyGraph g = DependencyGraph.of(models.flattenGemm(reshape));
            PruningGroup c = groupWith(g, "conv1.weight", 0);
            ChannelRef gemmIn = c.tensors().stream().filter(t -> t.tensor().equals("gemm1.weight")).findFirst().orElseThrow();
            assertEquals(List.of(18, 19, 20, 21, 22, 23, 24, 25, 26), c.channels().get(2).indicesOf(gemmIn));
            Model p = checkAgainstZeroed(g, c, List.of(2, 6), models.input(2, 2, 6, 6));
            assertEquals(45, p.graph().initializers().get("gemm1.weight").shape().dim(1));
            PruningGroup hidden = groupWith(g, "gemm1.weight", 0);
            assertTrue(hidden.isPrunable(), g.table());
        }
    }

    @Test void channelShuffleCouplesPairsAcrossTheTwoHalves() {
        DependencyGraph g = DependencyGraph.of(models.shuffle());
        PruningGroup a = groupWith(g, "conv1.weight", 0);
        assertTrue(a.isPrunable(), g.table());
        assertTrue(names(a).contains("conv2.weight[0]"), "both halves of the shuffle are one group\n" + g.table());
        assertEquals(4, a.size());
        ChannelRef next = a.tensors().stream().filter(t -> t.tensor().equals("conv3.weight")).findFirst().orElseThrow();
        assertEquals(List.of(2, 3), a.channels().get(1).indicesOf(next));
        Model p = checkAgainstZeroed(g, a, List.of(1), models.input(1, 3, 5, 5));
        assertEquals(6, p.graph().initializers().get("conv3.weight").shape().dim(1));
    }

    @Test void splitMapsEachOutputToItsOffsetsAndGetsNewSizes() {
        DependencyGraph g = DependencyGraph.of(models.split());
        PruningGroup first = groupWith(g, "conv2.weight", 1);
        PruningGroup second = groupWith(g, "conv3.weight", 1);
        assertEquals(2, first.size(), "the pieces' channels reach different tensors, so they are two groups\n" + g.table());
        assertEquals(4, second.size());
        assertTrue(names(first).contains("conv1.weight[0]") && names(second).contains("conv1.weight[0]"), g.table());
        ChannelRef conv1 = second.tensors().stream().filter(t -> t.tensor().equals("conv1.weight")).findFirst().orElseThrow();
        ChannelRef last = second.tensors().stream().filter(t -> t.tensor().equals("conv4.weight")).findFirst().orElseThrow();
        assertEquals(List.of(3), second.channels().get(1).indicesOf(conv1), "piece 2 starts at channel 2");
        assertEquals(List.of(6), second.channels().get(1).indicesOf(last), "and is concatenated after 3 + 2 channels");
        Tensor x = models.input(2, 3, 5, 5);
        checkAgainstZeroed(g, first, List.of(1), x);
        Model p = checkAgainstZeroed(g, second, List.of(1, 3), x);
        Node split = p.graph().nodes().stream().filter(n -> n.op().opType().equals("Split")).findFirst().orElseThrow();
        assertEquals(List.of(2L, 2L), java.util.Arrays.stream(p.graph().initializers().get(split.input(1)).longs()).boxed().toList());
        assertEquals(7, p.graph().initializers().get("conv4.weight").shape().dim(1));
    }

    @Test void convTransposeCouplesWeightAxisZeroWithItsInputAndAxisOneWithItsOutput() {
        DependencyGraph g = DependencyGraph.of(models.convTranspose());
        PruningGroup in = groupWith(g, "conv1.weight", 0);
        PruningGroup out = groupWith(g, "deconv.weight", 1);
        assertTrue(names(in).contains("deconv.weight[0]"), g.table());
        assertTrue(names(out).containsAll(Set.of("deconv.bias[0]", "conv2.weight[1]")), g.table());
        Tensor x = models.input(1, 3, 4, 4);
        checkAgainstZeroed(g, in, List.of(2), x);
        Model p = checkAgainstZeroed(g, out, List.of(0, 3), x);
        assertEquals(List.of(5, 2, 2, 2), java.util.Arrays.stream(p.graph().initializers().get("deconv.weight").shape().toArray())
                .boxed().toList());
    }

    @Test void channelShuffleWithARunTimeBatchIsResolvedToo() {
        DependencyGraph g = DependencyGraph.of(models.dynamicShuffle());
        PruningGroup a = groupWith(g, "conv1.weight", 0);
        assertTrue(a.isPrunable(), g.table());
        assertTrue(names(a).contains("conv2.weight[0]"), g.table());
        Model p = checkAgainstZeroed(g, a, List.of(2), models.input(3, 3, 5, 5));
        assertEquals(6, p.graph().initializers().get("conv3.weight").shape().dim(1));
        Tensor one = PruneModels.run(p, "x", models.input(1, 3, 5, 5));
        assertEquals(List.of(1, 3, 5, 5), java.util.Arrays.stream(one.shape().toArray()).boxed().toList(), "any batch size still runs");
    }

    @Test void anUnresolvableReshapeBlocksItsGroupAndSaysWhy() {
        DependencyGraph g = DependencyGraph.of(models.tangledReshape());
        PruningGroup c = groupWith(g, "conv1.weight", 0);
        assertFalse(c.isPrunable());
        assertTrue(c.unprunable().orElseThrow().contains("not resolvable"), c.unprunable().orElseThrow());
        assertTrue(g.table().contains("not resolvable"), g.table());
        PruningException e = assertThrows(PruningException.class,
                () -> ChannelPruner.apply(g, PruningPlan.none().withRemoved(c, List.of(0))));
        assertTrue(e.getMessage().contains("cannot be pruned"), e.getMessage());
    }

    @Test void zeroedIsSoftPruningWithTheShapesKept() {
        DependencyGraph g = DependencyGraph.of(models.residual());
        PruningGroup res = groupWith(g, "conv2.weight", 0);
        PruningPlan plan = PruningPlan.none().withRemoved(res, List.of(2, 5));
        Model soft = ChannelPruner.zeroed(g, plan);
        assertEquals(g.model().graph().initializers().get("conv2.weight").shape(), soft.graph().initializers().get("conv2.weight").shape());
        Tensor x = models.input(2, 3, 8, 8);
        Tensor oracle = PruneModels.run(ChannelZeroing.zero(g, res, List.of(2, 5)), "x", x);
        assertTrue(ChannelZeroing.maxDiff(oracle, PruneModels.run(soft, "x", x)) < 1e-5);
        assertTrue(ChannelZeroing.maxDiff(oracle, PruneModels.run(ChannelPruner.apply(g, plan), "x", x)) < 1e-4);
    }

    @Test void aPlanKeepingNoChannelIsRefused() {
        DependencyGraph g = DependencyGraph.of(models.residual());
        PruningGroup res = groupWith(g, "conv2.weight", 0);
        PruningException e = assertThrows(PruningException.class,
                () -> ChannelPruner.apply(g, PruningPlan.none().withKept(res.id(), List.of())));
        assertTrue(e.getMessage().contains("would keep 0 of its 6 channels"), e.getMessage());
    }

    @Test void tableListsEveryGroup() {
        DependencyGraph g = DependencyGraph.of(models.residual());
        String t = g.table();
        assertTrue(t.startsWith("group"), t);
        assertTrue(t.contains("graph input 'x'"), t);
        assertTrue(t.contains(g.groups().size() + " groups, " + g.prunableGroups().size() + " prunable"), t);
    }
}
