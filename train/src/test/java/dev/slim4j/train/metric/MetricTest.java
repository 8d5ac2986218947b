package dev.slim4j.train.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class MetricTest {
    /** Six classes; the true class ranks 1st, 2nd, 6th, 5th and 1st (tie with a higher index). */
    private static final Tensor LOGITS = Tensor.ofFloats(Shape.of(5, 6),
            9, 1, 2, 3, 4, 5,
            1, 9, 8, 3, 4, 5,
            1, 2, 3, 4, 5, 6,
            6, 5, 4, 3, 2, 1,
            7, 0, 0, 7, 0, 0);
    private static final Tensor LABELS = Tensor.ofLongs(Shape.of(5), 0, 2, 0, 4, 0);

    @Test void topK() {
        assertEquals(2 / 5.0, new TopKAccuracy(1).add(LOGITS, LABELS).value(), 1e-15);
        assertEquals(3 / 5.0, new TopKAccuracy(2).add(LOGITS, LABELS).value(), 1e-15);
        assertEquals(4 / 5.0, new TopKAccuracy(5).add(LOGITS, LABELS).value(), 1e-15);
        assertEquals(1, new TopKAccuracy(6).add(LOGITS, LABELS).value(), 1e-15);
    }

    /** A diverged model (NaN logits) is right about nothing: not top-1, not top-6, and its prediction is a real score's. */
    @Test void nanScoresNeverCount() {
        float nan = Float.NaN;
        Tensor logits = Tensor.ofFloats(Shape.of(2, 3), nan, nan, nan, nan, 1, 2);
        Tensor labels = Tensor.ofLongs(Shape.of(2), 0, 0);
        assertEquals(0, new TopKAccuracy(1).add(logits, labels).value());
        assertEquals(0, new TopKAccuracy(3).add(logits, labels).value());
        assertEquals(2, Ranking.of(logits, labels).argmax(1));
    }

    @Test void accumulatesOverBatches() {
        TopKAccuracy top1 = new TopKAccuracy(1);
        assertTrue(Double.isNaN(top1.value()));
        top1.add(LOGITS, LABELS).add(LOGITS, LABELS);
        assertEquals(4, top1.correct());
        assertEquals(10, top1.total());
    }

    @Test void confusionMatrixAndPerClassAccuracy() {
        ConfusionMatrix cm = new ConfusionMatrix(6).add(LOGITS, LABELS);
        // predictions (argmax, lowest index on ties): 0, 1, 5, 0, 0
        assertEquals(2, cm.count(0, 0));
        assertEquals(1, cm.count(0, 5));
        assertEquals(1, cm.count(2, 1));
        assertEquals(1, cm.count(4, 0));
        assertEquals(5, cm.total());
        assertEquals(2 / 5.0, cm.accuracy(), 1e-15);
        double[] perClass = cm.perClassAccuracy();
        assertEquals(2 / 3.0, perClass[0], 1e-15);
        assertEquals(0, perClass[2]);
        assertEquals(0, perClass[4]);
        assertTrue(Double.isNaN(perClass[1]), "class 1 has no examples");
        assertEquals("2 0 0 0 0 1\n", cm.toString().lines().findFirst().orElseThrow() + "\n");
    }

    @Test void classificationMetricsTogether() {
        ClassificationMetrics m = new ClassificationMetrics(6).add(LOGITS, LABELS);
        assertEquals(0.4, m.top1(), 1e-15);
        assertEquals(0.8, m.top5(), 1e-15);
        assertArrayEquals(m.confusion().perClassAccuracy(), m.perClassAccuracy());
        assertEquals(1.0, new ClassificationMetrics(3).add(Tensor.ofFloats(Shape.of(1, 3), 0, 0, 1),
                Tensor.ofLongs(Shape.of(1), 0)).top5(), 0, "top-5 of 3 classes is top-3");
    }

    @Test void clearErrors() {
        String m = assertThrows(IllegalArgumentException.class,
                () -> new TopKAccuracy(1).add(LOGITS, Tensor.ofLongs(Shape.of(5), 0, 0, 0, 0, 6))).getMessage();
        assertEquals("label 4 is 6, expected 0..5", m);
        m = assertThrows(IllegalArgumentException.class, () -> new ConfusionMatrix(10).add(LOGITS, LABELS)).getMessage();
        assertEquals("expected logits for 10 classes, found 6", m);
        assertThrows(IllegalArgumentException.class, () -> new TopKAccuracy(1).add(LOGITS, Tensor.ofLongs(Shape.of(4), 0, 0, 0, 0)));
    }
}
