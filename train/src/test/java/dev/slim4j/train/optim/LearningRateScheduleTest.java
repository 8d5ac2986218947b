package dev.slim4j.train.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {
    @Test void stepDecay() {
        LearningRateSchedule s = LearningRateSchedule.step(3, 0.5);
        double[] expected = {1, 1, 1, 0.5, 0.5, 0.5, 0.25};
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], s.factor(i), 1e-15, "step " + i);
    }

    @Test void cosineWithoutWarmup() {
        LearningRateSchedule s = LearningRateSchedule.cosine(100, 0, 0);
        assertEquals(1, s.factor(0), 1e-15);
        assertEquals(0.5, s.factor(50), 1e-15);
        assertEquals((1 + Math.cos(Math.PI / 4)) / 2, s.factor(25), 1e-15);
        assertEquals(0, s.factor(100), 1e-15);
        assertEquals(0, s.factor(1000), 1e-15);
    }

    @Test void cosineWithWarmupAndFloor() {
        LearningRateSchedule s = LearningRateSchedule.cosine(110, 10, 0.1);
        assertEquals(0.1, s.factor(0), 1e-15);
        assertEquals(0.5, s.factor(4), 1e-15);
        assertEquals(1, s.factor(9), 1e-15);
        assertEquals(1, s.factor(10), 1e-15);
        assertEquals(0.1 + 0.9 * 0.5, s.factor(60), 1e-15);
        assertEquals(0.1, s.factor(110), 1e-15);
    }

    @Test void linearWithWarmup() {
        LearningRateSchedule s = LearningRateSchedule.linear(12, 2, 0);
        assertEquals(0.5, s.factor(0), 1e-15);
        assertEquals(1, s.factor(1), 1e-15);
        assertEquals(1, s.factor(2), 1e-15);
        assertEquals(0.5, s.factor(7), 1e-15);
        assertEquals(0, s.factor(12), 1e-15);
    }

    @Test void rejectsImpossibleSettings() {
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.cosine(10, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.linear(10, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.step(0, 0.5));
        assertEquals(1, LearningRateSchedule.constant().factor(12345), 0);
    }
}
