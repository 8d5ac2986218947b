package dev.slim4j.cli.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** numpy.testing.assert_allclose(actual, expected, rtol=1e-3, atol=1e-7) semantics, checked by hand. */
class OutputComparisonTest {
    private static Optional<String> cmp(Tensor expected, Tensor actual) {
        return OutputComparison.mismatch("y", expected, actual);
    }

    private static Tensor f(float... v) { return Tensor.ofFloats(Shape.of(v.length), v); }

    @Test void withinRelativeToleranceOfExpected() {
        // |1.0009 - 1| = 9e-4 <= 1e-7 + 1e-3 * 1
        assertTrue(cmp(f(1f, 100f), f(1.0009f, 100.09f)).isEmpty());
        // |1.0011 - 1| = 1.1e-3 > 1.0001e-3
        Optional<String> m = cmp(f(1f, 2f), f(1.0011f, 2f));
        assertTrue(m.isPresent());
        assertTrue(m.get().contains("differs at 1 of 2 elements; first at flat index 0"), m.get());
    }

    @Test void toleranceIsRelativeToExpectedNotActual() {
        // expected 0: only atol 1e-7 applies, however large |actual| is
        assertTrue(cmp(f(0f), f(5e-8f)).isEmpty());
        assertTrue(cmp(f(0f), f(2e-7f)).isPresent());
    }

    @Test void nanEqualsNanAndInfinitiesMustMatch() {
        assertTrue(cmp(f(Float.NaN, Float.POSITIVE_INFINITY), f(Float.NaN, Float.POSITIVE_INFINITY)).isEmpty());
        assertTrue(cmp(f(Float.NaN), f(0f)).isPresent());
        assertTrue(cmp(f(1f), f(Float.NaN)).isPresent());
        assertTrue(cmp(f(Float.POSITIVE_INFINITY), f(Float.NEGATIVE_INFINITY)).isPresent());
        assertTrue(cmp(f(Float.POSITIVE_INFINITY), f(Float.MAX_VALUE)).isPresent());
    }

    @Test void integersAndBoolsMustBeExact() {
        Tensor a = Tensor.ofLongs(Shape.of(2), 1_000_000L, 5L);
        assertTrue(cmp(a, Tensor.ofLongs(Shape.of(2), 1_000_000L, 5L)).isEmpty());
        assertTrue(cmp(a, Tensor.ofLongs(Shape.of(2), 1_000_001L, 5L)).isPresent()); // allclose would accept this
        Tensor b = Tensor.ofBytes(DType.BOOL, Shape.of(2), (byte) 1, (byte) 0);
        assertTrue(cmp(b, Tensor.ofBytes(DType.BOOL, Shape.of(2), (byte) 0, (byte) 0)).get().contains("expected true, found false"));
    }

    @Test void shapeAndTypeMustMatchExactly() {
        assertEquals("output 'y': expected shape [2, 1], found [2]",
                cmp(Tensor.ofFloats(Shape.of(2, 1), 1f, 2f), f(1f, 2f)).get());
        assertEquals("output 'y': expected element type FLOAT32, found FLOAT64",
                cmp(f(1f), Tensor.ofDoubles(Shape.of(1), 1.0)).get());
    }
}
