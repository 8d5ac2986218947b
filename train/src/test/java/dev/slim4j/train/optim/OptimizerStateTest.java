package dev.slim4j.train.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An optimizer rebuilt from another's state continues exactly where the first one was. */
class OptimizerStateTest {
    private static final float[][] GRADS = {{0.1f, -0.2f, 0.3f}, {-0.5f, 0.4f, 0f}, {0.2f, 0.2f, -0.1f}, {1f, 0f, -1f}};

    private static ParameterSet start() { return new ParameterSet().add("w", new float[] {1f, -2f, 0.5f}); }

    private static void steps(Optimizer o, int from, int to) {
        Parameter p = o.parameters().get("w");
        for (int s = from; s < to; s++) {
            System.arraycopy(GRADS[s], 0, p.gradient(), 0, 3);
            o.step();
        }
    }

    /** A copy of the state as a checkpoint would hold it (own arrays). */
    private static OptimizerState snapshot(Optimizer o) {
        List<OptimizerState.Slot> slots = new ArrayList<>();
        for (var s : o.state().slots()) slots.add(new OptimizerState.Slot(s.parameter(), s.buffer(), s.updates(), s.values().clone()));
        return new OptimizerState(o.state().steps(), slots);
    }

    @Test void sgdWithNesterovAndAdamWResumeExactly() {
        LearningRateSchedule cosine = LearningRateSchedule.cosine(4, 1, 0);
        for (OptimizerConfig c : List.of(SgdConfig.defaults().withMomentum(0.9).withNesterov(true).withSchedule(cosine),
                AdamConfig.adamW().withSchedule(cosine))) {
            Optimizer whole = c.create(start());
            steps(whole, 0, 4);
            Optimizer first = c.create(start());
            steps(first, 0, 2);
            ParameterSet carried = new ParameterSet().add("w", first.parameters().get("w").values().clone());
            Optimizer second = c.create(carried);
            second.restore(snapshot(first));
            assertEquals(2, second.stepCount());
            steps(second, 2, 4);
            assertArrayEquals(whole.parameters().get("w").values(), second.parameters().get("w").values(), c.toString());
        }
    }

    @Test void wrongBuffersAreRejected() {
        Optimizer sgd = SgdConfig.defaults().withMomentum(0.5).create(start());
        var kind = assertThrows(IllegalArgumentException.class, () -> sgd.restore(
                new OptimizerState(1, List.of(new OptimizerState.Slot("w", "m", 1, new float[3])))));
        assertTrue(kind.getMessage().contains("'momentum'"), kind.getMessage());
        var size = assertThrows(IllegalArgumentException.class, () -> sgd.restore(
                new OptimizerState(1, List.of(new OptimizerState.Slot("w", "momentum", 0, new float[2])))));
        assertTrue(size.getMessage().contains("expected 3"), size.getMessage());
        Optimizer adam = AdamConfig.defaults().create(start());
        var half = assertThrows(IllegalArgumentException.class, () -> adam.restore(
                new OptimizerState(1, List.of(new OptimizerState.Slot("w", "m", 1, new float[3])))));
        assertTrue(half.getMessage().contains("both"), half.getMessage());
    }
}
