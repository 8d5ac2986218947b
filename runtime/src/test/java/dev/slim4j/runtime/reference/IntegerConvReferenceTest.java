package dev.slim4j.runtime.reference;

import static dev.slim4j.runtime.reference.QuantFixtures.assertTensor;
import static dev.slim4j.runtime.reference.QuantFixtures.dims;
import static dev.slim4j.runtime.reference.QuantFixtures.f32;
import static dev.slim4j.runtime.reference.QuantFixtures.i32;
import static dev.slim4j.runtime.reference.QuantFixtures.i8;
import static dev.slim4j.runtime.reference.QuantFixtures.run;
import static dev.slim4j.runtime.reference.QuantFixtures.u8;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slim4j.ir.AttributeValue;
import dev.slim4j.ir.Attributes;
import dev.slim4j.tensor.ShapeException;
import dev.slim4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** ConvInteger and QLinearConv against ONNX's examples and hand-worked convolutions. */
class IntegerConvReferenceTest {
    private static final Tensor X33 = u8(dims(1, 1, 3, 3), 2, 3, 4, 5, 6, 7, 8, 9, 10);
    private static final Tensor ONES = u8(dims(1, 1, 2, 2), 1, 1, 1, 1);

    @Test void convIntegerMatchesOnnxsExamples() {
        assertTensor(i32(dims(1, 1, 2, 2), 12, 16, 24, 28), run("ConvInteger", X33, ONES, u8(1)));
        Attributes pads = Attributes.builder().put("pads", AttributeValue.ints(1, 1, 1, 1)).build();
        assertTensor(i32(dims(1, 1, 4, 4), 1, 3, 5, 3, 5, 12, 16, 9, 11, 24, 28, 15, 7, 15, 17, 9),
                run("ConvInteger", pads, X33, ONES, u8(1)));
    }

    @Test void convIntegerWithGroupsAndPerChannelWeightZeroPoints() {
        // channel 0: (11..14) - 10 = (1, 2, 3, 4) times 3 - 1 = 2; channel 1: (10, 8, 6, 4) - 10 times -5 + 2 = -3
        Tensor x = u8(dims(1, 2, 2, 2), 11, 12, 13, 14, 10, 8, 6, 4);
        Tensor w = i8(dims(2, 1, 1, 1), 3, -5);
        Attributes groups = Attributes.builder().put("group", 2L).build();
        assertTensor(i32(dims(1, 2, 2, 2), 2, 4, 6, 8, 0, 6, 12, 18),
                run("ConvInteger", groups, x, w, u8(10), i8(dims(2), 1, -2)));
    }

    @Test void convIntegerWithDilationsAndSamePadding() {
        Tensor x = u8(dims(1, 1, 3, 3), 1, 2, 3, 4, 5, 6, 7, 8, 9);
        Tensor w = u8(dims(1, 1, 2, 2), 1, 2, 3, 4);
        Attributes dilated = Attributes.builder().put("dilations", AttributeValue.ints(2, 2)).build();
        // 1 * 1 + 3 * 2 + 7 * 3 + 9 * 4
        assertTensor(i32(dims(1, 1, 1, 1), 64), run("ConvInteger", dilated, x, w));
        // SAME_UPPER pads one row and column at the end: y[i][j] = x[i][j] + 2 x[i][j+1] + 3 x[i+1][j] + 4 x[i+1][j+1]
        Attributes same = Attributes.builder().put("auto_pad", "SAME_UPPER").build();
        assertTensor(i32(dims(1, 1, 3, 3), 37, 47, 21, 67, 77, 33, 23, 26, 9), run("ConvInteger", same, x, w));
    }

    @Test void convIntegerOneDimensionalWithStride() {
        Tensor x = i8(dims(1, 1, 5), -1, 2, -3, 4, -5);
        Tensor w = i8(dims(1, 1, 2), 1, -1);
        Attributes strided = Attributes.builder().put("strides", AttributeValue.ints(2)).build();
        assertTensor(i32(dims(1, 1, 2), -3, -7), run("ConvInteger", strided, x, w));
    }

    @Test void qLinearConvMatchesOnnxsExample() {
        Tensor x = u8(dims(1, 1, 7, 7), 255, 174, 162, 25, 203, 168, 58, 15, 59, 237, 95, 129, 0, 64, 56, 242, 153, 221,
                168, 12, 166, 232, 178, 186, 195, 237, 162, 237, 188, 39, 124, 77, 80, 102, 43, 127, 230, 21, 83, 41,
                40, 134, 255, 154, 92, 141, 42, 148, 247);
        Tensor y = u8(dims(1, 1, 7, 7), 0, 81, 93, 230, 52, 87, 197, 240, 196, 18, 160, 126, 255, 191, 199, 13, 102, 34,
                87, 243, 89, 23, 77, 69, 60, 18, 93, 18, 67, 216, 131, 178, 175, 153, 212, 128, 25, 234, 172, 214, 215,
                121, 0, 101, 163, 114, 213, 107, 8);
        Tensor out = run("QLinearConv", x, f32(0.00369204697f), u8(132), u8(dims(1, 1, 1, 1), 0),
                f32(dims(1), 0.00172794575f), u8(dims(1), 255), f32(0.00162681262f), u8(123));
        assertTensor(y, out);
    }

    @Test void qLinearConvAddsBiasAndRequantizesPerChannel() {
        // acc: channel 0 (2, 6) * 2 + 1 = (5, 13), times 0.5 * 0.25 / 0.25 = 0.5 -> (2.5, 6.5) -> (2, 6) ties to even;
        // channel 1 (2, 6) * -3 - 2 = (-8, -20), times 0.5 * 0.5 / 0.25 = 1; plus 10, saturated to [0, 255]
        Tensor x = u8(dims(1, 1, 1, 2), 130, 134);
        Tensor w = i8(dims(2, 1, 1, 1), 2, -3);
        Tensor out = run("QLinearConv", x, f32(0.5f), u8(128), w, f32(dims(2), 0.25f, 0.5f), i8(dims(2), 0, 0),
                f32(0.25f), u8(10), i32(dims(2), 1, -2));
        assertTensor(u8(dims(1, 2, 1, 2), 12, 16, 2, 0), out);
    }

    @Test void rejectsMismatchedOperands() {
        assertThrows(ShapeException.class, () -> run("ConvInteger", X33, u8(dims(1, 2, 1, 1), 1, 1)));
        assertThrows(ShapeException.class, () -> run("ConvInteger", X33, ONES, u8(1), u8(dims(2), 1, 1)));
        assertThrows(ShapeException.class, () -> run("QLinearConv", X33, f32(1f), u8(0), ONES, f32(1f), u8(0),
                f32(1f), u8(0), i32(dims(2), 1, 2)));
    }
}
