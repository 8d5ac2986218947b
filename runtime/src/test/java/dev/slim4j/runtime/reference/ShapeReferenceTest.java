package dev.slim4j.runtime.reference;

import static dev.slim4j.runtime.reference.ShapeFixtures.assertTensor;
import static dev.slim4j.runtime.reference.ShapeFixtures.attrs;
import static dev.slim4j.runtime.reference.ShapeFixtures.dims;
import static dev.slim4j.runtime.reference.ShapeFixtures.iota;
import static dev.slim4j.runtime.reference.ShapeFixtures.run;
import static dev.slim4j.runtime.reference.ShapeFixtures.vec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slim4j.ir.AttributeValue;
import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.op.UnsupportedOpException;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.ShapeException;
import dev.slim4j.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Views, shape queries, constants and Dropout on hand-computed cases. */
class ShapeReferenceTest {
    @Test void reshapeCopiesZeroAndInfersMinusOne() {
        assertEquals(Shape.of(2, 12), run("Reshape", iota(2, 3, 4), vec(0, -1)).shape());
        assertEquals(Shape.of(4, 2, 3), run("Reshape", iota(2, 3, 4), vec(-1, 2, 3)).shape());
        assertThrows(ShapeException.class, () -> run("Reshape", iota(2, 3), vec(-1, -1)));
        assertThrows(ShapeException.class, () -> run("Reshape", iota(2, 3), vec(4, -1)));
    }

    @Test void reshapeAllowzeroMakesZeroARealSize() {
        Tensor empty = Tensor.allocate(DType.FLOAT32, Shape.of(0, 3));
        Attributes allow = attrs("allowzero", 1L);
        assertEquals(Shape.of(3, 0), run(14, "Reshape", allow, empty, vec(3, 0)).shape());
        // without allowzero the 0 copies dim 1 (3): [3, 3] has 9 elements, not 0
        assertThrows(ShapeException.class, () -> run("Reshape", empty, vec(3, 0)));
    }

    @Test void flattenSplitsAtPositiveAndNegativeAxes() {
        assertEquals(Shape.of(1, 24), run(17, "Flatten", attrs("axis", 0L), iota(2, 3, 4)).shape());
        assertEquals(Shape.of(6, 4), run(17, "Flatten", attrs("axis", -1L), iota(2, 3, 4)).shape());
        assertEquals(Shape.of(2, 12), run("Flatten", iota(2, 3, 4)).shape());
        assertEquals(Shape.of(24, 1), run(17, "Flatten", attrs("axis", 3L), iota(2, 3, 4)).shape());
    }

    @Test void squeezeByAttributeInputOrAllOnes() {
        Tensor x = iota(1, 3, 1, 2);
        assertEquals(Shape.of(3, 2), run(11, "Squeeze", attrs("axes", new long[] {0, -2}), x).shape());
        assertEquals(Shape.of(3, 1, 2), run(13, "Squeeze", Attributes.EMPTY, x, vec(0)).shape());
        assertEquals(Shape.of(3, 2), run("Squeeze", x).shape());
        assertThrows(ShapeException.class, () -> run(13, "Squeeze", Attributes.EMPTY, x, vec(1)));
    }

    @Test void unsqueezeByAttributeOrInputWithNegativeAndUnsortedAxes() {
        Tensor x = iota(2, 3);
        assertEquals(Shape.of(1, 2, 3, 1), run(11, "Unsqueeze", attrs("axes", new long[] {3, 0}), x).shape());
        assertEquals(Shape.of(2, 3, 1), run(13, "Unsqueeze", Attributes.EMPTY, x, vec(-1)).shape());
        assertEquals(Shape.of(2, 1, 1, 3), run(13, "Unsqueeze", Attributes.EMPTY, x, vec(1, -2)).shape());
        assertArrayEquals(x.doubles(), run(13, "Unsqueeze", Attributes.EMPTY, x, vec(0)).doubles());
    }

    @Test void shapeWithStartAndEnd() {
        Tensor x = Tensor.allocate(DType.INT8, Shape.of(2, 3, 4, 5));
        assertArrayEquals(new long[] {2, 3, 4, 5}, run("Shape", x).longs());
        assertArrayEquals(new long[] {5}, run(15, "Shape", attrs("start", -1L), x).longs());
        assertArrayEquals(new long[] {3, 4}, run(15, "Shape", attrs("start", 1L, "end", -1L), x).longs());
        assertArrayEquals(new long[] {}, run(15, "Shape", attrs("start", 10L), x).longs());
        assertArrayEquals(new long[] {2, 3, 4, 5}, run(15, "Shape", attrs("start", -10L, "end", 10L), x).longs());
        assertEquals(DType.INT64, run("Shape", x).dtype());
    }

    @Test void sizeCountsElements() {
        Tensor s = run("Size", iota(2, 3, 4));
        assertEquals(Shape.scalar(), s.shape());
        assertEquals(24, s.getLong(0));
    }

    @Test void constantForms() {
        assertArrayEquals(new long[] {4, 5}, run(17, "Constant", attrs("value_ints", new long[] {4, 5})).longs());
        Tensor f = run(17, "Constant", attrs("value_float", 2.5f));
        assertEquals(Shape.scalar(), f.shape());
        assertEquals(2.5, f.getDouble(0));
        Tensor v = Tensor.ofInts(Shape.of(2), 7, -7);
        assertEquals(v, run(17, "Constant", attrs("value", v)));
        assertThrows(UnsupportedOpException.class,
                () -> run(17, "Constant", attrs("value_string", new AttributeValue.Str("a"))));
    }

    @Test void constantOfShapeFillsWithValueOrFloatZero() {
        Tensor z = run("ConstantOfShape", vec(2, 3));
        assertTensor(dims(2, 3), new double[6], z);
        assertEquals(DType.FLOAT32, z.dtype());
        Tensor sevens = run(17, "ConstantOfShape", attrs("value", Tensor.ofInts(Shape.of(1), 7)), vec(2));
        assertEquals(DType.INT32, sevens.dtype());
        assertArrayEquals(new int[] {7, 7}, sevens.ints());
        assertEquals(Shape.of(0), run("ConstantOfShape", vec(0)).shape());
    }

    @Test void rangeCountsUpAndDown() {
        assertArrayEquals(new long[] {10, 7}, run("Range", Tensor.scalarLong(10), Tensor.scalarLong(4), Tensor.scalarLong(-3)).longs());
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75},
                run("Range", Tensor.scalar(0), Tensor.scalar(1), Tensor.scalar(0.25f)).doubles());
        assertEquals(0, run("Range", Tensor.scalarLong(5), Tensor.scalarLong(1), Tensor.scalarLong(1)).size());
        Tensor i32 = run("Range", Tensor.ofInts(Shape.scalar(), 1), Tensor.ofInts(Shape.scalar(), 6), Tensor.ofInts(Shape.scalar(), 2));
        assertArrayEquals(new int[] {1, 3, 5}, i32.ints());
    }

    @Test void dropoutIsIdentityAtInferenceWithAllTrueMask() {
        Tensor x = iota(2, 2);
        assertEquals(x, run(7, "Dropout", attrs("ratio", 0.3f), x));
        List<Tensor> out = run(13, "Dropout", Attributes.EMPTY, 2, x);
        assertEquals(x, out.get(0));
        assertEquals(DType.BOOL, out.get(1).dtype());
        assertArrayEquals(new long[] {1, 1, 1, 1}, out.get(1).longs());
        Tensor yes = Tensor.ofBytes(DType.BOOL, Shape.scalar(), (byte) 1);
        assertThrows(UnsupportedOpException.class, () -> run(13, "Dropout", Attributes.EMPTY, x, null, yes));
        assertEquals(x, run(13, "Dropout", Attributes.EMPTY, x, Tensor.scalar(0), yes));
    }
}
