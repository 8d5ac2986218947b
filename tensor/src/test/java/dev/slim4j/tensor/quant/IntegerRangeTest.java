package dev.slim4j.tensor.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slim4j.tensor.DType;
import org.junit.jupiter.api.Test;

/** Narrow integer grids and the scale / zero point rules on them, worked by hand. */
class IntegerRangeTest {
    @Test void gridsOfEachBitWidth() {
        assertEquals(new IntegerRange(-128, 127, DType.INT8), IntegerRange.bits(8, true, false));
        assertEquals(new IntegerRange(-127, 127, DType.INT8), IntegerRange.bits(8, true, true));
        assertEquals(new IntegerRange(0, 15, DType.UINT8), IntegerRange.bits(4, false, false));
        assertEquals(new IntegerRange(-1, 1, DType.INT8), IntegerRange.bits(2, true, true));
        assertEquals(IntegerRange.of(DType.UINT8), IntegerRange.bits(8, false, false));
    }

    @Test void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> IntegerRange.bits(1, true, false));
        assertThrows(IllegalArgumentException.class, () -> IntegerRange.bits(17, true, false));
        assertThrows(IllegalArgumentException.class, () -> new IntegerRange(-200, 0, DType.INT8));
        assertThrows(IllegalArgumentException.class, () -> new IntegerRange(3, 3, DType.INT8));
    }

    @Test void symmetricOnTheNarrowGridDividesBy127() {
        QuantParams p = QuantMath.symmetric(-2f, 1f, IntegerRange.bits(8, true, true));
        assertEquals(2f / 127f, p.scale(), 1e-9);
        assertEquals(0, p.zeroPoint());
        QuantParams four = QuantMath.symmetric(-1f, 1f, IntegerRange.bits(4, true, true));
        assertEquals(1f / 7f, four.scale(), 1e-7);
    }

    @Test void asymmetricFourBitsUnsigned() {
        QuantParams p = QuantMath.asymmetric(-1f, 2f, IntegerRange.bits(4, false, false));
        assertEquals(3f / 15f, p.scale(), 1e-7);
        assertEquals(5, p.zeroPoint());
        assertEquals(DType.UINT8, p.type());
    }

    @Test void quantizeClampsToTheNarrowGrid() {
        IntegerRange r = IntegerRange.bits(4, true, false);
        assertEquals(7, QuantMath.quantize(100f, 1f, 0, r));
        assertEquals(-8, QuantMath.quantize(-100f, 1f, 0, r));
        assertEquals(3, QuantMath.quantize(2.5f + 0.6f, 1f, 0, r));
        assertEquals(-8f, QuantMath.fakeQuantize(-9.4f, 1f, 0, r));
    }
}
