package dev.slim4j.runtime.reference;

import static dev.slim4j.runtime.reference.ShapeFixtures.assertTensor;
import static dev.slim4j.runtime.reference.ShapeFixtures.attrs;
import static dev.slim4j.runtime.reference.ShapeFixtures.dims;
import static dev.slim4j.runtime.reference.ShapeFixtures.floats;
import static dev.slim4j.runtime.reference.ShapeFixtures.iota;
import static dev.slim4j.runtime.reference.ShapeFixtures.run;
import static dev.slim4j.runtime.reference.ShapeFixtures.vec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slim4j.ir.Attributes;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.ShapeException;
import dev.slim4j.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Transpose, Expand, Tile, Concat, Split, Gather, DepthToSpace and SpaceToDepth on hand-computed cases. */
class LayoutReferenceTest {
    @Test void transposeDefaultReversesAxes() {
        // [[0,1,2],[3,4,5]] transposed
        assertTensor(dims(3, 2), new double[] {0, 3, 1, 4, 2, 5}, run("Transpose", iota(2, 3)));
    }

    @Test void transposeWithPermMovesEveryTypeExactly() {
        // x[a][b][c] = 4a + 2b + c (dims 2,2,2); perm [2,0,1]: y[c][a][b] = x[a][b][c]
        Tensor y = run(17, "Transpose", attrs("perm", new long[] {2, 0, 1}), iota(2, 2, 2));
        assertTensor(dims(2, 2, 2), new double[] {0, 2, 4, 6, 1, 3, 5, 7}, y);
        Tensor big = Tensor.ofLongs(Shape.of(2, 1), Long.MAX_VALUE, Long.MIN_VALUE + 1);
        assertArrayEquals(new long[] {Long.MAX_VALUE, Long.MIN_VALUE + 1}, run("Transpose", big).longs());
        Tensor half = Tensor.ofShorts(DType.FLOAT16, Shape.of(1, 2), (short) 0x3C00, (short) 0x7E01);
        Tensor h = run("Transpose", half);
        assertEquals(DType.FLOAT16, h.dtype());
        assertArrayEquals(half.toLittleEndianBytes(), h.toLittleEndianBytes());
    }

    @Test void expandBroadcastsBothWays() {
        Tensor x = floats(dims(3, 1), 1, 2, 3);
        assertTensor(dims(2, 3, 2), new double[] {1, 1, 2, 2, 3, 3, 1, 1, 2, 2, 3, 3}, run("Expand", x, vec(2, 1, 2)));
        // the target may be smaller than the input: [3,1] with [1] stays [3,1]
        assertTensor(dims(3, 1), new double[] {1, 2, 3}, run("Expand", x, vec(1)));
        assertThrows(ShapeException.class, () -> run("Expand", x, vec(2, 1)));
    }

    @Test void tileRepeatsEachAxis() {
        Tensor x = floats(dims(2, 2), 1, 2, 3, 4);
        assertTensor(dims(2, 4), new double[] {1, 2, 1, 2, 3, 4, 3, 4}, run("Tile", x, vec(1, 2)));
        assertTensor(dims(4, 2), new double[] {1, 2, 3, 4, 1, 2, 3, 4}, run("Tile", x, vec(2, 1)));
        assertThrows(ShapeException.class, () -> run("Tile", x, vec(2)));
    }

    @Test void concatAlongNegativeAxis() {
        Tensor a = floats(dims(2, 1), 1, 2);
        Tensor b = floats(dims(2, 2), 3, 4, 5, 6);
        assertTensor(dims(2, 3), new double[] {1, 3, 4, 2, 5, 6}, run(17, "Concat", attrs("axis", -1L), a, b));
        assertTensor(dims(4, 1), new double[] {1, 2, 1, 2}, run(17, "Concat", attrs("axis", 0L), a, a));
        assertThrows(ShapeException.class, () -> run(17, "Concat", attrs("axis", 0L), a, b));
    }

    @Test void splitEquallyByAttributeAndByInput() {
        Tensor x = iota(2, 4);
        List<Tensor> eq = run(17, "Split", attrs("axis", 1L), 2, x);
        assertTensor(dims(2, 2), new double[] {0, 1, 4, 5}, eq.get(0));
        assertTensor(dims(2, 2), new double[] {2, 3, 6, 7}, eq.get(1));
        List<Tensor> attr = run(11, "Split", attrs("axis", -1L, "split", new long[] {1, 3}), 2, x);
        assertTensor(dims(2, 1), new double[] {0, 4}, attr.get(0));
        assertTensor(dims(2, 3), new double[] {1, 2, 3, 5, 6, 7}, attr.get(1));
        List<Tensor> in = run(13, "Split", attrs("axis", 1L), 3, x, vec(3, 0, 1));
        assertEquals(Shape.of(2, 0), in.get(1).shape());
        assertTensor(dims(2, 1), new double[] {3, 7}, in.get(2));
        assertThrows(ShapeException.class, () -> run(17, "Split", attrs("axis", 1L), 3, x));
    }

    @Test void gatherWithNegativeAndMatrixIndices() {
        Tensor x = iota(3, 2);
        assertTensor(dims(2, 2), new double[] {4, 5, 0, 1}, run("Gather", x, vec(-1, 0)));
        Tensor idx = Tensor.ofInts(Shape.of(2, 2), 1, 0, 1, 1);
        // axis 1: y[i][j][k] = x[i][idx[j][k]]
        assertTensor(dims(3, 2, 2), new double[] {1, 0, 1, 1, 3, 2, 3, 3, 5, 4, 5, 5},
                run(17, "Gather", attrs("axis", 1L), x, idx));
        assertTensor(dims(2), new double[] {2, 3}, run("Gather", x, Tensor.scalarLong(1)));
        assertThrows(ShapeException.class, () -> run("Gather", x, vec(3)));
    }

    @Test void depthToSpaceBothModes() {
        Tensor x = iota(1, 8, 1, 1);
        // DCR: y[c][i][j] = x[(i*2 + j)*2 + c]; CRD: y[c][i][j] = x[c*4 + i*2 + j]
        assertTensor(dims(1, 2, 2, 2), new double[] {0, 2, 4, 6, 1, 3, 5, 7},
                run(17, "DepthToSpace", attrs("blocksize", 2L), x));
        assertTensor(dims(1, 2, 2, 2), new double[] {0, 1, 2, 3, 4, 5, 6, 7},
                run(17, "DepthToSpace", attrs("blocksize", 2L, "mode", "CRD"), x));
    }

    @Test void spaceToDepthIsTheInverseOfDcr() {
        // a 2x2 block becomes 4 channels in row-major block order
        assertTensor(dims(1, 4, 1, 1), new double[] {0, 1, 2, 3}, run(17, "SpaceToDepth", attrs("blocksize", 2L), iota(1, 1, 2, 2)));
        Tensor x = iota(2, 3, 4, 6);
        Attributes b2 = attrs("blocksize", 2L);
        assertEquals(x, run(17, "DepthToSpace", b2, run(17, "SpaceToDepth", b2, x)));
    }
}
