package dev.slim4j.ir.op;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.ir.Dim;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.ShapeException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BroadcastTest {
    @Test
    void concreteShapesFollowNumpyRules() {
        // Examples from ONNX Broadcasting.md.
        assertEquals(Shape.of(2, 3, 4, 5), Broadcast.shape(Shape.of(2, 3, 4, 5), Shape.scalar()));
        assertEquals(Shape.of(2, 3, 4, 5), Broadcast.shape(Shape.of(2, 3, 4, 5), Shape.of(5)));
        assertEquals(Shape.of(2, 3, 4, 5), Broadcast.shape(Shape.of(4, 5), Shape.of(2, 3, 1, 1)));
        assertEquals(Shape.of(2, 3, 4, 5), Broadcast.shape(Shape.of(1, 3, 1, 5), Shape.of(2, 1, 4, 1)));
        assertEquals(Shape.of(0, 3), Broadcast.shape(Shape.of(0, 1), Shape.of(3)));
        assertEquals(Shape.of(2, 3), Broadcast.shape(List.of(Shape.of(3), Shape.of(2, 1), Shape.scalar())));
    }

    @Test
    void incompatibleShapesNameBothAndTheDims() {
        var e = assertThrows(ShapeException.class, () -> Broadcast.shape(Shape.of(2, 3), Shape.of(4)));
        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("found 3 and 4"), e.getMessage());
    }

    @Test
    void stridesAreZeroOnBroadcastAxes() {
        assertArrayEquals(new long[] {0, 1, 0}, Broadcast.strides(Shape.of(3, 1), Shape.of(2, 3, 4)));
        assertArrayEquals(new long[] {4, 1}, Broadcast.strides(Shape.of(3, 4), Shape.of(3, 4)));
        assertThrows(ShapeException.class, () -> Broadcast.strides(Shape.of(3), Shape.of(4)));
    }

    @Test
    void symbolicDimsSurviveAndOnesGiveWay() {
        List<Dim> a = List.of(Dim.symbol("N"), Dim.of(1), Dim.of(4));
        List<Dim> b = List.of(Dim.of(3), Dim.of(1));
        assertEquals(List.of(Dim.symbol("N"), Dim.of(3), Dim.of(4)), Broadcast.dims(a, b));
        assertEquals(List.of(Dim.of(5)), Broadcast.dims(List.of(Dim.symbol("N")), List.of(Dim.of(5))));
        assertEquals(List.of(Dim.unknown()), Broadcast.dims(List.of(Dim.symbol("N")), List.of(Dim.symbol("M"))));
        assertEquals(List.of(Dim.symbol("N")), Broadcast.dims(List.of(Dim.symbol("N")), List.of(Dim.symbol("N"))));
    }

    @Test
    void typeIsUnrankedWhenAnyInputIs() {
        TensorType x = TensorType.of(DType.FLOAT32, 2, 3);
        assertEquals(TensorType.of(DType.BOOL, 2, 3), Broadcast.type(DType.BOOL, List.of(x, TensorType.of(DType.FLOAT32, 3))));
        assertEquals(TensorType.unranked(DType.FLOAT32), Broadcast.type(DType.FLOAT32, List.of(x, TensorType.unranked(DType.FLOAT32))));
    }
}
