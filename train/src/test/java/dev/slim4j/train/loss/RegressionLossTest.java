package dev.slim4j.train.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Mean squared error and the L1 / L2 penalties. */
class RegressionLossTest {
    @Test void mseByHand() {
        Tensor p = Tensor.ofDoubles(Shape.of(2, 2), 1, 2, 3, 4);
        Tensor t = Tensor.ofDoubles(Shape.of(2, 2), 0, 2, 5, 4);
        LossValue l = MeanSquaredError.defaults().compute(p, t);
        assertEquals((1 + 0 + 4 + 0) / 4.0, l.value(), 1e-12);
        assertArrayEquals(new double[] {0.5, 0, -1, 0}, l.gradient().doubles(), 1e-12);
    }

    @Test void mseGradientMatchesFiniteDifferences() {
        Tensor target = FiniteDifference.random(3, 2, 3, 4);
        FiniteDifference.check(p -> MeanSquaredError.defaults().compute(p, target), FiniteDifference.random(4, 2, 3, 4));
        assertThrows(IllegalArgumentException.class,
                () -> MeanSquaredError.defaults().compute(target, FiniteDifference.random(1, 1, 4, 3)));
    }

    @Test void penaltiesByHand() {
        Tensor w = Tensor.ofDoubles(Shape.of(3), -2, 0, 0.5);
        LossValue l1 = new L1Penalty(0.1).compute(w);
        assertEquals(0.1 * 2.5, l1.value(), 1e-12);
        assertArrayEquals(new double[] {-0.1, 0, 0.1}, l1.gradient().doubles(), 1e-12);
        LossValue l2 = new L2Penalty(0.1).compute(w);
        assertEquals(0.05 * 4.25, l2.value(), 1e-12);
        assertArrayEquals(new double[] {-0.2, 0, 0.05}, l2.gradient().doubles(), 1e-12);
    }

    @Test void penaltyGradientsMatchFiniteDifferences() {
        Tensor w = FiniteDifference.random(6, 1, 10); // |w| > h almost surely, away from the kink of |w|
        FiniteDifference.check(x -> new L1Penalty(0.3).compute(x), w);
        FiniteDifference.check(x -> new L2Penalty(0.3).compute(x), w);
    }

    @Test void accumulateAddsToTheExistingGradient() {
        float[] w = {1, -3};
        float[] g = {10, 10};
        assertEquals(0.5 * 0.2 * 10, new L2Penalty(0.2).accumulate(w, g), 1e-7);
        assertArrayEquals(new float[] {10.2f, 9.4f}, g, 1e-6f);
        assertEquals(0.2 * 4, new L1Penalty(0.2).accumulate(w, g), 1e-7);
        assertArrayEquals(new float[] {10.4f, 9.2f}, g, 1e-6f);
        assertThrows(IllegalArgumentException.class, () -> new L1Penalty(0.2).accumulate(w, new float[3]));
    }
}
