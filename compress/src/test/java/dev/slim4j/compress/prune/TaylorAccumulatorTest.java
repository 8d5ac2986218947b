package dev.slim4j.compress.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.tensor.Shape;
import dev.slim4j.train.optim.ParameterSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaylorAccumulatorTest {
    /** Two batches: the mean gradient per weight. */
    @Test void meanGradientOverTheBatches() {
        TaylorAccumulator t = new TaylorAccumulator(Map.of("w", Shape.of(1, 3)));
        assertTrue(t.meanGradients().isEmpty());
        ParameterSet ps = new ParameterSet().add("w", new float[] {1f, -2f, 0f}, new float[] {0.5f, 0.5f, 9f});
        t.accumulate(ps);
        ps.get("w").gradient()[0] = -1.5f;
        t.accumulate(ps);
        assertEquals(2, t.batches());
        assertArrayEquals(new float[] {-0.5f, 0.5f, 9f}, t.meanGradients().get("w").floats());
        assertEquals(Shape.of(1, 3), t.meanGradients().get("w").shape());
    }
}
