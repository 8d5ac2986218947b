package dev.slim4j.train.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class CrossEntropyTest {
    private static final Tensor LABELS = Tensor.ofLongs(Shape.of(4), 2, 0, 4, 1);

    /** Logits (0, ln 2, ln 3) give softmax (1/6, 2/6, 3/6). */
    private static Tensor sixths() {
        return Tensor.ofDoubles(Shape.of(1, 3), 0, Math.log(2), Math.log(3));
    }

    @Test void uniformLogitsGiveLogOfClassCount() {
        Tensor logits = Tensor.ofDoubles(Shape.of(2, 5), new double[10]);
        LossValue l = CrossEntropy.defaults().compute(logits, Tensor.ofLongs(Shape.of(2), 1, 3));
        assertEquals(Math.log(5), l.value(), 1e-12);
        assertEquals((0.2 - 1) / 2, l.gradient().getDouble(1), 1e-12);
        assertEquals(0.2 / 2, l.gradient().getDouble(0), 1e-12);
    }

    @Test void valueAndGradientByHand() {
        LossValue l = CrossEntropy.defaults().compute(sixths(), Tensor.ofLongs(Shape.of(1), 2));
        assertEquals(Math.log(2), l.value(), 1e-12);
        double[] g = l.gradient().doubles();
        assertEquals(1 / 6.0, g[0], 1e-12);
        assertEquals(2 / 6.0, g[1], 1e-12);
        assertEquals(3 / 6.0 - 1, g[2], 1e-12);
    }

    @Test void labelSmoothingByHand() {
        // e = 0.3, C = 3: target (0.1, 0.1, 0.8)
        LossValue l = new CrossEntropy(0.3).compute(sixths(), Tensor.ofLongs(Shape.of(1), 2));
        assertEquals(0.1 * Math.log(6) + 0.1 * Math.log(3) + 0.8 * Math.log(2), l.value(), 1e-12);
        double[] g = l.gradient().doubles();
        assertEquals(1 / 6.0 - 0.1, g[0], 1e-12);
        assertEquals(2 / 6.0 - 0.1, g[1], 1e-12);
        assertEquals(3 / 6.0 - 0.8, g[2], 1e-12);
    }

    @Test void gradientMatchesFiniteDifferences() {
        Tensor x = FiniteDifference.random(1, 3, 4, 5);
        FiniteDifference.check(z -> CrossEntropy.defaults().compute(z, LABELS), x);
        FiniteDifference.check(z -> new CrossEntropy(0.1).compute(z, LABELS), x);
    }

    @Test void largeLogitsStayFinite() {
        Tensor x = Tensor.ofDoubles(Shape.of(1, 2), 1000, -1000);
        LossValue l = CrossEntropy.defaults().compute(x, Tensor.ofLongs(Shape.of(1), 1));
        assertEquals(2000, l.value(), 1e-9);
        assertEquals(-1, l.gradient().getDouble(1), 1e-12);
    }

    @Test void float32LogitsGiveFloat32Gradient() {
        Tensor x = Tensor.ofFloats(Shape.of(1, 3), 0f, (float) Math.log(2), (float) Math.log(3));
        LossValue l = CrossEntropy.defaults().compute(x, Tensor.ofLongs(Shape.of(1), 2));
        assertEquals(DType.FLOAT32, l.gradient().dtype());
        assertEquals(Math.log(2), l.value(), 1e-6);
    }

    @Test void rejectsBadLabels() {
        Tensor x = FiniteDifference.random(2, 1, 2, 3);
        String m = assertThrows(IllegalArgumentException.class,
                () -> CrossEntropy.defaults().compute(x, Tensor.ofLongs(Shape.of(2), 0, 3))).getMessage();
        assertEquals("label 1 is 3, expected 0..2", m);
        m = assertThrows(IllegalArgumentException.class,
                () -> CrossEntropy.defaults().compute(x, Tensor.ofLongs(Shape.of(3), 0, 1, 2))).getMessage();
        assertTrue(m.contains("expected integer labels of shape [2]"), m);
        assertThrows(IllegalArgumentException.class, () -> new CrossEntropy(1.5));
    }
}
