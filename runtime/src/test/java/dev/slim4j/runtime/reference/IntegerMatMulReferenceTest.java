package dev.slim4j.runtime.reference;

import static dev.slim4j.runtime.reference.QuantFixtures.assertTensor;
import static dev.slim4j.runtime.reference.QuantFixtures.dims;
import static dev.slim4j.runtime.reference.QuantFixtures.f32;
import static dev.slim4j.runtime.reference.QuantFixtures.i32;
import static dev.slim4j.runtime.reference.QuantFixtures.i8;
import static dev.slim4j.runtime.reference.QuantFixtures.run;
import static dev.slim4j.runtime.reference.QuantFixtures.u8;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.ShapeException;
import dev.slim4j.tensor.Tensor;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** MatMulInteger and QLinearMatMul against ONNX's examples and hand-worked products. */
class IntegerMatMulReferenceTest {
    private static final Tensor QA = u8(dims(2, 4), 208, 236, 0, 238, 3, 214, 255, 29);
    private static final Tensor QB = u8(dims(4, 3), 152, 51, 244, 60, 26, 255, 0, 127, 246, 127, 254, 247);

    @Test void matMulIntegerMatchesOnnxsExample() {
        Tensor a = u8(dims(4, 3), 11, 7, 3, 10, 6, 2, 9, 5, 1, 8, 4, 0);
        Tensor b = u8(dims(3, 2), 1, 4, 2, 5, 3, 6);
        assertTensor(i32(dims(4, 2), -38, -83, -44, -98, -50, -113, -56, -128),
                run("MatMulInteger", a, b, u8(dims(1), 12), u8(dims(1), 0)));
    }

    @Test void perRowAndPerColumnZeroPoints() {
        // A - [10, 20] per row = [[0, 10], [10, 20]]; B - [1, 2, 3] per column = [[0, 0, 0], [3, 4, 5]]
        Tensor a = u8(dims(2, 2), 10, 20, 30, 40);
        Tensor b = i8(dims(2, 3), 1, 2, 3, 4, 6, 8);
        assertTensor(i32(dims(2, 3), 30, 40, 50, 60, 80, 100),
                run("MatMulInteger", a, b, u8(dims(2), 10, 20), i8(dims(3), 1, 2, 3)));
    }

    @Test void batchedZeroPointsAndBroadcastOperand() {
        // batches [[1, 2]] and [[3, 4]] minus zero points [1] and [3] give [0, 1] twice; B [[5], [7]] is shared
        Tensor a = u8(dims(2, 1, 2), 1, 2, 3, 4);
        Tensor b = u8(dims(2, 1), 5, 7);
        assertTensor(i32(dims(2, 1, 1), 7, 7), run("MatMulInteger", a, b, u8(dims(2, 1, 1), 1, 3)));
    }

    @Test void vectorOperandsDropTheirUnitAxis() {
        assertTensor(i32(dims(2), -1, 8), run("MatMulInteger", i8(dims(2), 1, -2), i8(dims(2, 2), 1, 2, 1, -3)));
        assertTensor(i32(dims(), 7), run("MatMulInteger", i8(dims(2), 1, 2), i8(dims(2), 3, 2)));
    }

    @Test void accumulationWrapsInInt32() {
        int k = 40_000;
        byte[] all = new byte[k];
        Arrays.fill(all, (byte) 255);
        Tensor a = Tensor.ofBytes(DType.UINT8, Shape.of(1, k), all);
        Tensor b = Tensor.ofBytes(DType.UINT8, Shape.of(k, 1), all);
        // 255 * 255 * 40000 = 2601000000, which is -1693967296 in int32
        assertTensor(i32(dims(1, 1), 2_601_000_000L - (1L << 32)), run("MatMulInteger", a, b));
    }

    @Test void qLinearMatMulMatchesOnnxsExamples() {
        Tensor y = run("QLinearMatMul", QA, f32(dims(1), 0.0066f), u8(dims(1), 113), QB, f32(dims(1), 0.00705f),
                u8(dims(1), 114), f32(dims(1), 0.0107f), u8(dims(1), 118));
        assertTensor(u8(dims(2, 3), 168, 115, 255, 1, 66, 151), y);
        Tensor a3 = stack(QA);
        Tensor b3 = stack(QB);
        Tensor y3 = run("QLinearMatMul", a3, f32(dims(1), 0.0066f), u8(dims(1), 113), b3, f32(dims(1), 0.00705f),
                u8(dims(1), 114), f32(dims(1), 0.0107f), u8(dims(1), 118));
        assertTensor(u8(dims(2, 2, 3), 168, 115, 255, 1, 66, 151, 168, 115, 255, 1, 66, 151), y3);
    }

    @Test void qLinearMatMulWithPerColumnScales() {
        // (a - 1) * 0.5 = [1, 2]; acc = [2 + 12, 4 + 16] = [14, 20]; multipliers 0.5 * [1, 0.25] / 2 = [0.25, 0.0625]
        // 14 * 0.25 = 3.5 -> 4, 20 * 0.0625 = 1.25 -> 1; plus -3
        Tensor y = run("QLinearMatMul", u8(dims(1, 2), 3, 5), f32(0.5f), u8(1), i8(dims(2, 2), 1, 2, 3, 4),
                f32(dims(2), 1, 0.25f), i8(dims(2), 0, 0), f32(2f), i8(-3));
        assertTensor(i8(dims(1, 2), 1, -2), y);
    }

    @Test void rejectsMismatchedOperands() {
        assertThrows(ShapeException.class, () -> run("MatMulInteger", QA, QA));
        assertThrows(ShapeException.class, () -> run("MatMulInteger", QA, QB, u8(dims(3), 1, 2, 3)));
        assertThrows(ShapeException.class, () -> run("QLinearMatMul", QA, f32(1f), u8(0), QB, f32(1f), u8(0),
                f32(dims(2), 1, 2), u8(0)));
    }

    private static Tensor stack(Tensor t) {
        byte[] one = t.bytes();
        byte[] two = Arrays.copyOf(one, 2 * one.length);
        System.arraycopy(one, 0, two, one.length, one.length);
        int[] d = t.shape().toArray();
        return Tensor.ofBytes(DType.UINT8, Shape.of(2, d[0], d[1]), two);
    }
}
