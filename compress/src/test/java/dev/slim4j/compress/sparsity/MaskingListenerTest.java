package dev.slim4j.compress.sparsity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.ir.Model;
import dev.slim4j.train.data.Dataset;
import dev.slim4j.train.data.FashionMnist;
import dev.slim4j.train.optim.AdamConfig;
import dev.slim4j.train.optim.Optimizer;
import dev.slim4j.train.optim.OptimizerState;
import dev.slim4j.train.optim.SgdConfig;
import dev.slim4j.train.trainer.Trainer;
import dev.slim4j.train.trainer.TrainerConfig;
import dev.slim4j.train.trainer.TrainingListener;
import dev.slim4j.train.zoo.ModelZoo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Masks during training: after N steps of SGD with momentum and weight decay (and of Adam) every pruned weight is
 * exactly zero and so are its optimizer buffers, the kept weights moved, and without the listener the same pruned
 * weights would have grown back; AGP ends at the target sparsity.
 */
class MaskingListenerTest {
    private static Dataset train;

    @BeforeAll
    static void load() {
        train = FashionMnist.train().limit(640);
    }

    private static TrainerConfig config() {
        return TrainerConfig.defaults().withEpochs(1).withBatchSize(64)
                .withOptimizer(SgdConfig.defaults().withLearningRate(0.05).withMomentum(0.9).withWeightDecay(1e-3));
    }

    @Test
    void prunedWeightsStayExactlyZeroAndBuffersAreMasked() {
        Model model = ModelZoo.build("lenet300", 2);
        SparseResult pruned = MagnitudePruning.apply(model, SparsityConfig.defaults().withSparsity(0.9));
        BufferCheck check = new BufferCheck(pruned.masks());
        SparseResult tuned = SparseFineTuning.fineTune(pruned, train, null, config(), check);
        assertTrue(check.steps == 10, "10 steps seen, found " + check.steps);
        assertEquals(0, check.nonZeroBuffers, "momentum of pruned weights after masking");
        int moved = 0;
        for (PruningTarget t : pruned.targets()) {
            float[] before = pruned.model().graph().initializers().get(t.weight()).floats();
            float[] after = tuned.model().graph().initializers().get(t.weight()).floats();
            for (int i = 0; i < after.length; i++) {
                if (pruned.masks().isPruned(t.weight(), i)) {
                    assertEquals(0f, after[i], t.weight() + "[" + i + "] is pruned");
                } else if (after[i] != before[i]) {
                    moved++;
                }
            }
        }
        assertTrue(moved > 10_000, "kept weights were trained: " + moved);
        assertEquals(pruned.report().zeros(), tuned.report().zeros(), "no kept weight became exactly zero by chance");

        SparseResult unmasked = pruned.withModel(new dev.slim4j.train.trainer.Trainer(pruned.model(), config())
                .fit(train, null).model());
        assertTrue(unmasked.report().sparsity() < 0.5, "without masks the pruned weights grow back: sparsity "
                + unmasked.report().sparsity());
    }

    @Test
    void adamKeepsMasksToo() {
        Model model = ModelZoo.build("lenet300", 3);
        SparseResult pruned = MagnitudePruning.apply(model, SparsityConfig.defaults().withSparsity(0.7)
                .withScope(ThresholdScope.GLOBAL));
        SparseResult tuned = SparseFineTuning.fineTune(pruned, train, null,
                config().withOptimizer(AdamConfig.defaults().withLearningRate(1e-3)));
        assertEquals(pruned.report().zeros(), tuned.report().zeros());
        for (PruningTarget t : pruned.targets()) {
            float[] after = tuned.model().graph().initializers().get(t.weight()).floats();
            for (int i = 0; i < after.length; i++) {
                if (pruned.masks().isPruned(t.weight(), i)) assertEquals(0f, after[i]);
            }
        }
    }

    @Test
    void gradualPruningReachesTheTarget() {
        Model model = ModelZoo.build("lenet300", 4);
        PruningSchedule.Agp agp = new PruningSchedule.Agp(0, 0, 8, 2); // 10 steps: masks at steps 0, 2, ..., 8
        SparsityConfig c = SparsityConfig.defaults().withSparsity(0.8);
        MaskingListener masking = MaskingListener.gradual(MagnitudePruning.targets(model, c), c, agp);
        LiveBufferCheck check = new LiveBufferCheck(masking);
        SparseResult r = SparseFineTuning.gradual(model, c, agp, train, null, config());
        assertEquals(0.8, r.report().sparsity(), 1e-5, r.report().table());
        assertEquals(r.masks().sparsity(), r.report().sparsity(), 1e-12);

        // the same run with a second listener watching: momentum of weights pruned mid-run is cleared too
        Trainer t = new Trainer(model, config()).addListener(masking).addListener(check);
        t.fit(train, null);
        assertEquals(10, check.steps);
        assertTrue(check.maxSparsity > 0.79, "masks grew to " + check.maxSparsity);
        assertEquals(0, check.nonZeroBuffers, "optimizer buffers of pruned weights");
    }

    /** A schedule ending at or after the last step (10 steps: 0..9) never reaches its target: refused, not run short. */
    @Test
    void gradualPruningRefusesASpanPastTheLastStep() {
        Model model = ModelZoo.build("lenet300", 4);
        SparsityConfig c = SparsityConfig.defaults().withSparsity(0.8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparseFineTuning.gradual(model, c, new PruningSchedule.Agp(0, 0, 10, 2), train, null, config()));
        assertTrue(e.getMessage().contains("steps 0..9") && e.getMessage().contains("<= 9"), e.getMessage());
        assertEquals(0.8, SparseFineTuning.gradual(model, c, new PruningSchedule.Agp(0, 0, 9, 3), train, null, config())
                .report().sparsity(), 1e-5);
    }

    @Test
    void iterativePruningReachesTheTargetInRounds() {
        Model model = ModelZoo.build("lenet300", 5);
        SparsityConfig c = SparsityConfig.defaults().withSparsity(0.75);
        SparseResult r = SparseFineTuning.iterative(model, c, new PruningSchedule.Iterative(2), train, null, config());
        assertEquals(0.75, r.report().sparsity(), 1e-5, r.report().table());
        SparseResult first = MagnitudePruning.apply(model, c, 0.5);
        for (PruningTarget t : first.targets()) {
            float[] after = r.model().graph().initializers().get(t.weight()).floats();
            for (int i = 0; i < after.length; i++) {
                if (first.masks().isPruned(t.weight(), i)) assertEquals(0f, after[i], "pruned in round 1 stays zero");
            }
        }
    }

    /** As {@link BufferCheck}, against the masks a gradual listener holds at each step. */
    private static final class LiveBufferCheck implements TrainingListener {
        final MaskingListener masking;
        int steps;
        int nonZeroBuffers;
        double maxSparsity;

        LiveBufferCheck(MaskingListener masking) { this.masking = masking; }

        @Override public void afterUpdate(Optimizer optimizer) {
            steps++;
            Masks masks = masking.masks();
            maxSparsity = Math.max(maxSparsity, masks.sparsity());
            for (OptimizerState.Slot s : optimizer.state().slots()) {
                for (int i = 0; i < s.values().length; i++) {
                    if (masks.isPruned(s.parameter(), i) && s.values()[i] != 0f) nonZeroBuffers++;
                }
            }
        }
    }

    /** Counts steps and non-zero optimizer buffers at pruned positions, right after the masks were applied. */
    private static final class BufferCheck implements TrainingListener {
        final Masks masks;
        int steps;
        int nonZeroBuffers;

        BufferCheck(Masks masks) { this.masks = masks; }

        @Override public void afterUpdate(Optimizer optimizer) {
            steps++;
            for (OptimizerState.Slot s : optimizer.state().slots()) {
                for (int i = 0; i < s.values().length; i++) {
                    if (masks.isPruned(s.parameter(), i) && s.values()[i] != 0f) nonZeroBuffers++;
                }
            }
        }
    }
}
