package dev.slim4j.runtime.reference;

import static dev.slim4j.runtime.reference.ElementwiseReferenceTest.assertClose;
import static dev.slim4j.runtime.reference.ElementwiseReferenceTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slim4j.ir.op.ArgReduce;
import dev.slim4j.ir.op.Reduce;
import dev.slim4j.ir.op.ReduceFunction;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReductionReferenceTest {
    /** [[1, 2, 3], [4, 5, 6]]. */
    private static final Tensor X = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);

    private static Reduce attr(ReduceFunction f, boolean keepdims, Long... axes) {
        return new Reduce(f, axes.length == 0 ? Optional.empty() : Optional.of(List.of(axes)), keepdims, false, false);
    }

    @Test
    void sumMeanMaxMinAlongEachAxis() {
        Tensor rows = run(attr(ReduceFunction.SUM, true, 1L), X);
        assertEquals(Shape.of(2, 1), rows.shape());
        assertClose(new float[] {6, 15}, rows);
        Tensor cols = run(attr(ReduceFunction.MEAN, false, -2L), X);
        assertEquals(Shape.of(3), cols.shape());
        assertClose(new float[] {2.5f, 3.5f, 4.5f}, cols);
        assertClose(new float[] {3, 6}, run(attr(ReduceFunction.MAX, false, -1L), X));
        assertClose(new float[] {1, 2, 3}, run(attr(ReduceFunction.MIN, false, 0L), X));
        Tensor all = run(attr(ReduceFunction.PROD, true), X);
        assertEquals(Shape.of(1, 1), all.shape());
        assertClose(new float[] {720}, all);
        assertEquals(Shape.scalar(), run(attr(ReduceFunction.SUM, false), X).shape());
    }

    @Test
    void normsAndLogSums() {
        Tensor x = Tensor.of(new float[] {3, -4, 0, 1}, 2, 2);
        assertClose(new float[] {7, 1}, run(attr(ReduceFunction.L1, false, 1L), x));
        assertClose(new float[] {5, 1}, run(attr(ReduceFunction.L2, false, 1L), x));
        assertClose(new float[] {25, 1}, run(attr(ReduceFunction.SUM_SQUARE, false, 1L), x));
        assertClose(new float[] {(float) Math.log(6), (float) Math.log(15)}, run(attr(ReduceFunction.LOG_SUM, false, 1L), X));
        assertClose(new float[] {(float) Math.log(Math.exp(3) + Math.exp(-4)), (float) Math.log(1 + Math.E)},
                run(attr(ReduceFunction.LOG_SUM_EXP, false, 1L), x));
    }

    @Test
    void axesAsInputWithNoopAndDefault() {
        Reduce sum = new Reduce(ReduceFunction.SUM, Optional.empty(), false, true, false);
        assertClose(new float[] {5, 7, 9}, run(sum, X, Tensor.vector(0)));
        assertClose(new float[] {21}, run(sum, X, null));
        assertClose(new float[] {21}, run(sum, X, Tensor.vector()));
        Reduce noop = new Reduce(ReduceFunction.SUM, Optional.empty(), false, true, true);
        Tensor same = run(noop, X, Tensor.vector());
        assertEquals(X.shape(), same.shape());
        assertClose(X.floats(), same);
    }

    @Test
    void integerReductionsAreExact() {
        Tensor x = Tensor.ofLongs(Shape.of(2, 2), Long.MAX_VALUE - 1, 1, 7, -2);
        assertArrayEquals(new long[] {Long.MAX_VALUE, 5}, run(attr(ReduceFunction.SUM, false, 1L), x).longs());
        assertArrayEquals(new long[] {Long.MAX_VALUE / 2, 2}, run(attr(ReduceFunction.MEAN, false, 1L), x).longs());
    }

    @Test
    void argMaxAndArgMinWithTies() {
        Tensor x = Tensor.of(new float[] {2, 7, 7, 1, 0, 1}, 2, 3);
        assertArrayEquals(new long[] {1, 0}, run(new ArgReduce(true, 1, false, false), x).longs());
        assertArrayEquals(new long[] {2, 2}, run(new ArgReduce(true, -1, false, true), x).longs());
        Tensor min = run(new ArgReduce(false, 1, true, true), x);
        assertEquals(Shape.of(2, 1), min.shape());
        assertArrayEquals(new long[] {0, 1}, min.longs());
        assertArrayEquals(new long[] {1, 1, 1}, run(new ArgReduce(false, 0, false, false), x).longs());
    }
}
