package dev.slim4j.runtime.reference;

import static dev.slim4j.runtime.reference.QuantFixtures.assertTensor;
import static dev.slim4j.runtime.reference.QuantFixtures.dims;
import static dev.slim4j.runtime.reference.QuantFixtures.f32;
import static dev.slim4j.runtime.reference.QuantFixtures.i32;
import static dev.slim4j.runtime.reference.QuantFixtures.i8;
import static dev.slim4j.runtime.reference.QuantFixtures.run;
import static dev.slim4j.runtime.reference.QuantFixtures.u8;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slim4j.ir.Attributes;
import dev.slim4j.tensor.ShapeException;
import dev.slim4j.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** QuantizeLinear, DequantizeLinear and DynamicQuantizeLinear against ONNX's examples and hand-worked values. */
class QuantReferenceTest {
    private static final Tensor AXIS_X = f32(dims(1, 3, 3, 2), -162, 10, -100, 232, -20, -50, -76, 0, 0, 252, 32, -44,
            245, -485, -960, -270, -375, -470);
    private static final Tensor AXIS_Q = u8(dims(1, 3, 3, 2), 3, 89, 34, 200, 74, 59, 5, 24, 24, 87, 32, 13, 245, 99,
            4, 142, 121, 102);

    @Test void quantizesPerTensorWithTiesToEvenAndSaturation() {
        // ONNX's example: x / 2 + 128; 3 / 2 = 1.5 rounds to 2
        Tensor y = run("QuantizeLinear", f32(dims(6), 0, 2, 3, 1000, -254, -1000), f32(2f), u8(128));
        assertTensor(u8(dims(6), 128, 129, 130, 255, 1, 0), y);
    }

    @Test void zeroPointDefaultsToUint8Zero() {
        assertTensor(u8(dims(4), 0, 2, 2, 0), run("QuantizeLinear", f32(dims(4), 0.5f, 1.5f, 2.5f, -7f), f32(1f)));
    }

    @Test void quantizesInt32Input() {
        assertTensor(i8(dims(3), 2, -2, 127), run("QuantizeLinear", i32(dims(3), 5, -5, 400), f32(2f), i8(0)));
    }

    @Test void quantizesPerAxis() {
        // ONNX's axis example: scales [2, 4, 5], zero points [84, 24, 196] along axis 1
        Tensor y = run("QuantizeLinear", AXIS_X, f32(dims(3), 2, 4, 5), u8(dims(3), 84, 24, 196));
        assertTensor(AXIS_Q, y);
    }

    @Test void quantizesPerAxisZeroWithTiesAndSaturation() {
        // row 0: scale 1, zp 0: 0.5 -> 0, 1.5 -> 2, 1000 -> 127; row 1: scale 2, zp -1: 2.5 -> 2, -1.5 -> -2, -500
        Attributes axis0 = Attributes.builder().put("axis", 0L).build();
        Tensor y = run("QuantizeLinear", axis0, f32(dims(2, 3), 0.5f, 1.5f, 1000, 5, -3, -1000), f32(dims(2), 1, 2),
                i8(dims(2), 0, -1));
        assertTensor(i8(dims(2, 3), 0, 2, 127, 1, -3, -128), y);
    }

    @Test void dequantizesPerTensorAndPerAxis() {
        assertTensor(f32(dims(4), -256, -250, 0, 254), run("DequantizeLinear", u8(dims(4), 0, 3, 128, 255), f32(2f),
                u8(128)));
        Tensor y = run("DequantizeLinear", AXIS_Q, f32(dims(3), 2, 4, 5), u8(dims(3), 84, 24, 196));
        assertTensor(AXIS_X, y);
        Attributes last = Attributes.builder().put("axis", -1L).build();
        Tensor z = run("DequantizeLinear", last, i8(dims(2, 3), -128, 0, 127, 1, 2, 3), f32(dims(3), 1, 0.5f, 0.25f),
                i8(dims(3), 0, 2, -1));
        assertTensor(f32(dims(2, 3), -128, -1, 32, 1, 0, 1), z);
    }

    @Test void dequantizesInt32WithZeroPointZero() {
        assertTensor(f32(dims(2), -2.5f, 500000), run("DequantizeLinear", i32(dims(2), -5, 1000000), f32(0.5f)));
        assertThrows(ShapeException.class, () -> run("DequantizeLinear", i32(dims(1), 5), f32(1f), i32(new int[0], 3)));
    }

    @Test void rejectsParametersThatDoNotFitTheAxis() {
        assertThrows(ShapeException.class, () -> run("QuantizeLinear", AXIS_X, f32(dims(2), 1, 2), u8(dims(2), 0, 0)));
        assertThrows(ShapeException.class, () -> run("DequantizeLinear", AXIS_Q, f32(dims(3), 1, 2, 3), u8(0)));
    }

    @Test void dynamicQuantizeMatchesOnnxsThreeExamples() {
        checkDynamic(f32(dims(6), 0, 2, -3, -2.5f, 1.34f, 0.5f), u8(dims(6), 153, 255, 0, 26, 221, 179),
                0.019607843831181526f, 153);
        checkDynamic(f32(dims(6), -1, -2.1f, -1.3f, -2.5f, -3.34f, -4), u8(dims(6), 191, 121, 172, 96, 42, 0),
                0.01568627543747425f, 255);
        checkDynamic(f32(dims(3, 4), 1, 2.1f, 1.3f, 2.5f, 3.34f, 4, 1.5f, 2.6f, 3.9f, 4, 3, 2.345f),
                u8(dims(3, 4), 64, 134, 83, 159, 213, 255, 96, 166, 249, 255, 191, 149), 0.01568627543747425f, 0);
    }

    private static void checkDynamic(Tensor x, Tensor y, float scale, long zeroPoint) {
        List<Tensor> out = run("DynamicQuantizeLinear", 11, Attributes.EMPTY, 3, x);
        assertTensor(y, out.get(0));
        assertTensor(f32(scale), out.get(1));
        assertTensor(u8(zeroPoint), out.get(2));
    }
}
