package dev.slim4j.runtime.reference;

import static dev.slim4j.runtime.reference.ShapeFixtures.assertTensor;
import static dev.slim4j.runtime.reference.ShapeFixtures.attrs;
import static dev.slim4j.runtime.reference.ShapeFixtures.dims;
import static dev.slim4j.runtime.reference.ShapeFixtures.floats;
import static dev.slim4j.runtime.reference.ShapeFixtures.iota;
import static dev.slim4j.runtime.reference.ShapeFixtures.run;
import static dev.slim4j.runtime.reference.ShapeFixtures.vec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slim4j.ir.Attributes;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.ShapeException;
import dev.slim4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Slice (clamping, negative axes and steps) and Pad (constant, reflect, edge, cropping) by hand. */
class SliceReferenceTest {
    @Test void sliceWithAxesAndClamping() {
        Tensor x = iota(3, 4);
        // rows 1.., columns 1..3 on axis -1
        assertTensor(dims(2, 2), new double[] {5, 6, 9, 10}, run("Slice", x, vec(1, 1), vec(100, 3), vec(0, -1)));
        assertTensor(dims(3, 4), x.doubles(), run("Slice", x, vec(-100), vec(Long.MAX_VALUE)));
        assertTensor(dims(0, 4), new double[0], run("Slice", x, vec(5), vec(10)));
    }

    @Test void sliceWithNegativeSteps() {
        Tensor x = iota(10);
        // from the last element backwards in steps of 3 past the front: 9, 6, 3, 0
        assertTensor(dims(4), new double[] {9, 6, 3, 0}, run("Slice", x, vec(-1), vec(Long.MIN_VALUE), vec(0), vec(-3)));
        // start 20 clamps to 9; end 5 is exclusive: 9, 8, 7, 6
        assertTensor(dims(4), new double[] {9, 8, 7, 6}, run("Slice", x, vec(20), vec(5), vec(0), vec(-1)));
        assertTensor(dims(2), new double[] {1, 3}, run("Slice", x, vec(1), vec(5), vec(0), vec(2)));
        assertThrows(ShapeException.class, () -> run("Slice", x, vec(0), vec(5), vec(0), vec(0)));
    }

    @Test void sliceAttributeFormBeforeOpset10() {
        Tensor x = iota(3, 4);
        Tensor y = run(9, "Slice", attrs("starts", new long[] {1}, "ends", new long[] {-1}, "axes", new long[] {1}), x);
        assertTensor(dims(3, 2), new double[] {1, 2, 5, 6, 9, 10}, y);
        assertTensor(dims(1, 4), new double[] {8, 9, 10, 11}, run(9, "Slice", attrs("starts", new long[] {2}, "ends", new long[] {9}), x));
    }

    @Test void padModes() {
        Tensor x = floats(dims(3), 1, 2, 3);
        Tensor pads = vec(2, 1);
        assertTensor(dims(6), new double[] {9, 9, 1, 2, 3, 9}, run("Pad", x, pads, Tensor.scalar(9)));
        assertTensor(dims(6), new double[] {0, 0, 1, 2, 3, 0}, run("Pad", x, pads));
        assertTensor(dims(6), new double[] {3, 2, 1, 2, 3, 2}, run(17, "Pad", attrs("mode", "reflect"), x, pads));
        assertTensor(dims(6), new double[] {1, 1, 1, 2, 3, 3}, run(17, "Pad", attrs("mode", "edge"), x, pads));
    }

    @Test void padTwoDimensionalAndNegativeCrops() {
        Tensor x = floats(dims(2, 2), 1, 2, 3, 4);
        // pads [x1_begin, x2_begin, x1_end, x2_end] = one column before, one row after
        assertTensor(dims(3, 3), new double[] {0, 1, 2, 0, 3, 4, 0, 0, 0}, run("Pad", x, vec(0, 1, 1, 0)));
        assertTensor(dims(2, 1), new double[] {2, 4}, run("Pad", x, vec(0, -1, 0, 0)));
        assertThrows(ShapeException.class, () -> run("Pad", x, vec(1, 1)));
    }

    @Test void padAttributeFormBeforeOpset11() {
        Tensor x = floats(dims(2), 5, 6);
        Tensor y = run(10, "Pad", attrs("pads", new long[] {1, 0}, "value", 7f), x);
        assertTensor(dims(3), new double[] {7, 5, 6}, y);
        Tensor ints = Tensor.ofInts(Shape.of(2), 5, 6);
        assertArrayEquals(new int[] {5, 6, 6}, run(17, "Pad", attrs("mode", "edge"), ints, vec(0, 1)).ints());
        assertArrayEquals(new int[] {5, 5, 6}, run(17, "Pad", attrs("mode", "edge"), ints, vec(1, 0)).ints());
        assertArrayEquals(new int[] {-1, 5, 6}, run("Pad", ints, vec(1, 0), Tensor.ofInts(Shape.scalar(), -1)).ints());
        assertTensor(dims(2), new double[] {5, 6}, run(11, "Pad", Attributes.EMPTY, x, vec(0, 0)));
    }
}
