package dev.slim4j.runtime.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.op.Op;
import dev.slim4j.ir.op.Ops;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.ShapeException;
import dev.slim4j.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Opset-18 forms of Split (num_outputs, uneven last piece) and Pad (axes input), from the ONNX specification. */
class Opset18FormsTest {
    private static final float[] SEVEN = {1, 2, 3, 4, 5, 6, 7};

    @Test
    void splitWithNumOutputsMakesTheLastPieceSmaller() {
        Op split = Ops.create("", "Split", 18, Attributes.builder().put("num_outputs", 3L).build());
        List<Tensor> out = ReferenceOps.evaluate(split, Arrays.asList(Tensor.of(SEVEN, 7)), 3);
        assertArrayEquals(new float[] {1, 2, 3}, out.get(0).floats());
        assertArrayEquals(new float[] {4, 5, 6}, out.get(1).floats());
        assertArrayEquals(new float[] {7}, out.get(2).floats());
        assertEquals(split.attributes(), Attributes.builder().put("axis", 0L).put("num_outputs", 3L).build());
    }

    @Test
    void splitNumOutputsMustMatchTheNode() {
        Op split = Ops.create("", "Split", 18, Attributes.builder().put("num_outputs", 3L).build());
        assertThrows(ShapeException.class, () -> ReferenceOps.evaluate(split, Arrays.asList(Tensor.of(SEVEN, 7)), 2));
    }

    @Test
    void padWithAxesPadsOnlyThoseAxes() {
        Op pad = Ops.create("", "Pad", 18, Attributes.EMPTY);
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2);
        // axes [-1]: pads [begin 1, end 2] on the last axis only, constant 9
        List<Tensor> out = ReferenceOps.evaluate(pad,
                Arrays.asList(x, Tensor.vector(1, 2), Tensor.scalar(9f), Tensor.vector(-1)), 1);
        assertEquals(Shape.of(2, 5), out.getFirst().shape());
        assertArrayEquals(new float[] {9, 1, 2, 9, 9, 9, 3, 4, 9, 9}, out.getFirst().floats());
    }
}
