package dev.slim4j.tensor.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slim4j.tensor.DType;
import org.junit.jupiter.api.Test;

/** Quantization math against values worked by hand from the ONNX formulas. */
class QuantMathTest {
    @Test void roundsTiesToEven() {
        assertEquals(0f, QuantMath.roundHalfEven(0.5f));
        assertEquals(2f, QuantMath.roundHalfEven(1.5f));
        assertEquals(2f, QuantMath.roundHalfEven(2.5f));
        assertEquals(4f, QuantMath.roundHalfEven(3.5f));
        assertEquals(-2f, QuantMath.roundHalfEven(-2.5f));
        assertEquals(-4f, QuantMath.roundHalfEven(-3.5f));
        assertEquals(3f, QuantMath.roundHalfEven(2.5000002f));
        assertEquals(-2.0, QuantMath.roundHalfEven(-1.5));
    }

    @Test void rangesOfTheIntegerTypes() {
        assertEquals(-128, QuantMath.qmin(DType.INT8));
        assertEquals(127, QuantMath.qmax(DType.INT8));
        assertEquals(0, QuantMath.qmin(DType.UINT8));
        assertEquals(255, QuantMath.qmax(DType.UINT8));
        assertEquals(Integer.MIN_VALUE, QuantMath.qmin(DType.INT32));
        assertEquals(Integer.MAX_VALUE, QuantMath.qmax(DType.INT32));
        assertThrows(IllegalArgumentException.class, () -> QuantMath.qmin(DType.FLOAT32));
    }

    @Test void saturatesToTheTypeRange() {
        assertEquals(255, QuantMath.saturate(300, DType.UINT8));
        assertEquals(0, QuantMath.saturate(-1, DType.UINT8));
        assertEquals(-128, QuantMath.saturate(-129, DType.INT8));
        assertEquals(127, QuantMath.saturate(1000, DType.INT8));
        assertEquals(Integer.MAX_VALUE, QuantMath.saturate(1L << 40, DType.INT32));
        assertEquals(5, QuantMath.saturate(5, DType.INT8));
    }

    @Test void quantizesLikeOnnxsExample() {
        // ONNX QuantizeLinear example: x / 2 + 128 with ties to even, saturated to [0, 255]
        float[] x = {0, 2, 3, 1000, -254, -1000};
        long[] expected = {128, 129, 130, 255, 1, 0};
        for (int i = 0; i < x.length; i++) assertEquals(expected[i], QuantMath.quantize(x[i], 2f, 128, DType.UINT8));
    }

    @Test void quantizesTiesToEvenAndSaturatesInt8() {
        assertEquals(0, QuantMath.quantize(0.5f, 1f, 0, DType.INT8));
        assertEquals(2, QuantMath.quantize(1.5f, 1f, 0, DType.INT8));
        assertEquals(-2, QuantMath.quantize(-2.5f, 1f, 0, DType.INT8));
        assertEquals(12, QuantMath.quantize(0.25f, 0.1f, 10, DType.INT8)); // 2.5 -> 2, + 10
        assertEquals(127, QuantMath.quantize(1e30f, 0.01f, 0, DType.INT8));
        assertEquals(-128, QuantMath.quantize(Float.NEGATIVE_INFINITY, 1f, 0, DType.INT8));
        assertEquals(-3, QuantMath.quantize(Float.NaN, 1f, -3, DType.INT8));
    }

    @Test void dequantizesAndFakeQuantizes() {
        assertEquals(-256f, QuantMath.dequantize(0, 2f, 128));
        assertEquals(254f, QuantMath.dequantize(255, 2f, 128));
        assertEquals(-1.25f, QuantMath.dequantize(-5, 0.25f, 0));
        // 0.3 / 0.25 = 1.2 -> 1 -> 0.25; 40 saturates at 127 * 0.25
        assertEquals(0.25f, QuantMath.fakeQuantize(0.3f, 0.25f, 0, DType.INT8));
        assertEquals(31.75f, QuantMath.fakeQuantize(40f, 0.25f, 0, DType.INT8));
    }

    @Test void requantizesAccumulators() {
        float multiplier = QuantMath.requantizeMultiplier(0.5f, 0.25f, 0.125f);
        assertEquals(1f, multiplier);
        assertEquals(12, QuantMath.requantize(2, 0.25f, 12, DType.UINT8)); // 0.5 -> 0
        assertEquals(14, QuantMath.requantize(6, 0.25f, 12, DType.UINT8)); // 1.5 -> 2
        assertEquals(255, QuantMath.requantize(100_000, 1f, 0, DType.UINT8));
        assertEquals(-128, QuantMath.requantize(-100_000, 1f, 0, DType.INT8));
        assertEquals(Integer.MIN_VALUE, QuantMath.wrapInt32(1L << 31));
    }

    @Test void asymmetricParametersFollowDynamicQuantizeLinear() {
        // ONNX DynamicQuantizeLinear examples: scale 0.0196078438 zp 153; 0.0156862754 zp 255; 0.0156862754 zp 0
        QuantParams p = QuantMath.asymmetric(-3f, 2f, DType.UINT8);
        assertEquals(5f / 255f, p.scale());
        assertEquals(153, p.zeroPoint());
        QuantParams negative = QuantMath.asymmetric(-4f, -1f, DType.UINT8);
        assertEquals(4f / 255f, negative.scale());
        assertEquals(255, negative.zeroPoint());
        QuantParams positive = QuantMath.asymmetric(1f, 4f, DType.UINT8);
        assertEquals(0, positive.zeroPoint());
        assertEquals(255, positive.quantize(4f));
        QuantParams zero = QuantMath.asymmetric(0f, 0f, DType.UINT8);
        assertEquals(0, zero.quantize(0f));
        assertEquals(0, zero.zeroPoint());
    }

    @Test void symmetricParametersCenterTheRange() {
        QuantParams s = QuantMath.symmetric(-2f, 1f, DType.INT8);
        assertEquals(0, s.zeroPoint());
        assertEquals(2f / 127.5f, s.scale());
        assertEquals(-64, s.quantize(-1f)); // -63.75 -> -64
        QuantParams u = QuantMath.symmetric(-2f, 1f, DType.UINT8);
        assertEquals(128, u.zeroPoint());
    }

    @Test void rejectsNonsenseParameters() {
        assertThrows(IllegalArgumentException.class, () -> new QuantParams(0f, 0, DType.INT8));
        assertThrows(IllegalArgumentException.class, () -> new QuantParams(Float.NaN, 0, DType.INT8));
        assertThrows(IllegalArgumentException.class, () -> new QuantParams(1f, 200, DType.INT8));
        assertThrows(IllegalArgumentException.class, () -> QuantMath.asymmetric(2f, 1f, DType.UINT8));
        assertThrows(IllegalArgumentException.class, () -> QuantMath.asymmetric(0f, Float.NaN, DType.UINT8));
    }
}
