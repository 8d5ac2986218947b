package dev.slim4j.compress.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.quant.QuantParams;
import org.junit.jupiter.api.Test;

class QuantSpecTest {
    @Test void rejectsNonsenseAtConstruction() {
        var zero = assertThrows(IllegalArgumentException.class, () -> QuantSpec.int8Weights().withBits(0));
        assertTrue(zero.getMessage().contains("2 to 8 bits, found 0"), zero.getMessage());
        var nine = assertThrows(IllegalArgumentException.class, () -> QuantSpec.int8Weights().withBits(9));
        assertTrue(nine.getMessage().contains("found 9"), nine.getMessage());
        var p = assertThrows(IllegalArgumentException.class, () -> CalibrationMethod.percentile(120));
        assertTrue(p.getMessage().contains("[99.9, 99.9999], found 120"), p.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new HalfPrecision(DType.FLOAT64));
        assertThrows(IllegalArgumentException.class, () -> new CalibrationMethod.MovingAverageMinMax(0));
        var m = assertThrows(IllegalArgumentException.class, () -> CalibrationMethod.parse("kmeans"));
        assertTrue(m.getMessage().contains("[minmax, moving-average, percentile, entropy, mse]"), m.getMessage());
    }

    @Test void gridsOfTheSchemes() {
        QuantSpec w = QuantSpec.int8Weights();
        assertEquals(-127, w.range().min());
        assertEquals(DType.INT8, w.storage());
        QuantParams p = w.params(-0.5f, 1.27f);
        assertEquals(0.01f, p.scale(), 1e-7);
        assertEquals(0, p.zeroPoint());
        QuantSpec a = QuantSpec.uint8Activations();
        QuantParams q = a.params(0f, 2.55f);
        assertEquals(0.01f, q.scale(), 1e-7);
        assertEquals(0, q.zeroPoint());
        QuantSpec four = a.withBits(4).withSymmetry(Symmetry.SYMMETRIC);
        assertEquals(8, four.params(-1f, 1f).zeroPoint());
        assertEquals("int4 symmetric per-channel(axis 1)", w.withBits(4).withGranularity(Granularity.perChannel(1)).describe());
    }
}
