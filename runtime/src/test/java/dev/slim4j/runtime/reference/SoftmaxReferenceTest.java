package dev.slim4j.runtime.reference;

import static dev.slim4j.runtime.reference.ElementwiseReferenceTest.assertClose;
import static dev.slim4j.runtime.reference.ElementwiseReferenceTest.run;

import dev.slim4j.ir.op.Softmax;
import dev.slim4j.ir.op.SoftmaxFunction;
import dev.slim4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class SoftmaxReferenceTest {
    /** [[[0, ln 3], [0, 0]]]: shape [1, 2, 2]. */
    private static final Tensor X = Tensor.of(new float[] {0, (float) Math.log(3), 0, 0}, 1, 2, 2);

    @Test
    void softmaxAlongTheLastAxis() {
        assertClose(new float[] {0.25f, 0.75f, 0.5f, 0.5f}, run(new Softmax(SoftmaxFunction.SOFTMAX, -1, false), X));
    }

    @Test
    void softmaxAlongAMiddleAxis() {
        // Along axis 1: columns (0, 0) and (ln 3, 0).
        assertClose(new float[] {0.5f, 0.75f, 0.5f, 0.25f}, run(new Softmax(SoftmaxFunction.SOFTMAX, 1, false), X));
    }

    @Test
    void legacySoftmaxFlattensFromTheAxis() {
        // Opset < 13, axis 1: one row of 4 values exp = (1, 3, 1, 1), sum 6.
        assertClose(new float[] {1f / 6, 0.5f, 1f / 6, 1f / 6}, run(new Softmax(SoftmaxFunction.SOFTMAX, 1, true), X));
    }

    @Test
    void logSoftmaxIsStableForLargeInputs() {
        Tensor big = ElementwiseReferenceTest.vec(1000, 1000);
        float ln2 = (float) Math.log(2);
        assertClose(new float[] {-ln2, -ln2}, run(new Softmax(SoftmaxFunction.LOG_SOFTMAX, -1, false), big));
    }

    @Test
    void hardmaxMarksTheFirstMaximum() {
        Tensor x = Tensor.of(new float[] {1, 3, 3, 2, 0, -1}, 2, 3);
        assertClose(new float[] {0, 1, 0, 1, 0, 0}, run(new Softmax(SoftmaxFunction.HARDMAX, -1, false), x));
    }
}
