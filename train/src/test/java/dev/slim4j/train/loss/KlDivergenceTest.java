package dev.slim4j.train.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class KlDivergenceTest {
    @Test void identicalOutputsGiveZero() {
        Tensor x = FiniteDifference.random(5, 4, 3, 6);
        LossValue l = new KlDivergence(3).compute(x, x);
        assertEquals(0, l.value(), 1e-12);
        for (double g : l.gradient().doubles()) assertEquals(0, g, 1e-12);
    }

    @Test void valueAndGradientByHand() {
        // T = 2: student (0, 2 ln 3) / T -> p_s = (1/4, 3/4); teacher (0, 0) -> p_t = (1/2, 1/2)
        Tensor student = Tensor.ofDoubles(Shape.of(1, 2), 0, 2 * Math.log(3));
        Tensor teacher = Tensor.ofDoubles(Shape.of(1, 2), 0, 0);
        LossValue l = new KlDivergence(2).compute(student, teacher);
        double kl = 0.5 * Math.log(0.5 / 0.25) + 0.5 * Math.log(0.5 / 0.75);
        assertEquals(4 * kl, l.value(), 1e-12);
        assertEquals(2 * (0.25 - 0.5), l.gradient().getDouble(0), 1e-12);
        assertEquals(2 * (0.75 - 0.5), l.gradient().getDouble(1), 1e-12);
    }

    @Test void gradientMatchesFiniteDifferences() {
        Tensor teacher = FiniteDifference.random(7, 5, 3, 4);
        Tensor student = FiniteDifference.random(8, 5, 3, 4);
        for (double t : new double[] {1, 2.5, 8}) {
            FiniteDifference.check(s -> new KlDivergence(t).compute(s, teacher), student);
        }
    }

    @Test void distillationMixIsDifferentiable() {
        Tensor teacher = FiniteDifference.random(9, 5, 4, 3);
        Tensor labels = Tensor.ofLongs(Shape.of(4), 0, 2, 1, 1);
        FiniteDifference.check(s -> CrossEntropy.defaults().compute(s, labels).scaled(0.3)
                .plus(new KlDivergence(4).compute(s, teacher).scaled(0.7)), FiniteDifference.random(10, 5, 4, 3));
    }

    @Test void rejectsMismatchedShapes() {
        assertThrows(IllegalArgumentException.class, () -> KlDivergence.defaults()
                .compute(FiniteDifference.random(1, 1, 2, 3), FiniteDifference.random(1, 1, 2, 4)));
        assertThrows(IllegalArgumentException.class, () -> new KlDivergence(0));
    }
}
