package dev.slim4j.cli.conformance;

import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Tensor;
import java.util.Optional;

/**
 * Compares an actual output with the expected one the way ONNX's backend test runner does:
 * same element type, same shape exactly; floating-point values with numpy.testing.assert_allclose
 * semantics, |actual - expected| <= atol + rtol * |expected|, NaN equal to NaN and infinities equal
 * only to the same infinity; all other types exactly.
 */
public final class OutputComparison {
    /** ONNX's backend runner defaults. */
    public static final double RTOL = 1e-3;
    public static final double ATOL = 1e-7;

    private OutputComparison() {}

    /** Empty when the tensors agree, else a message naming the first mismatch and how many there are. */
    public static Optional<String> mismatch(String name, Tensor expected, Tensor actual, double rtol, double atol) {
        if (expected.dtype() != actual.dtype()) {
            return Optional.of("output '" + name + "': expected element type " + expected.dtype() + ", found " + actual.dtype());
        }
        if (!expected.shape().equals(actual.shape())) {
            return Optional.of("output '" + name + "': expected shape " + expected.shape() + ", found " + actual.shape());
        }
        boolean fp = expected.dtype().isFloatingPoint();
        long bad = 0;
        long first = -1;
        double maxDiff = 0;
        for (long i = 0; i < expected.size(); i++) {
            boolean ok = fp ? close(expected.getDouble(i), actual.getDouble(i), rtol, atol) : sameExact(expected, actual, i);
            if (!ok) {
                if (first < 0) first = i;
                bad++;
                if (fp) maxDiff = Math.max(maxDiff, Math.abs(expected.getDouble(i) - actual.getDouble(i)));
            }
        }
        if (bad == 0) return Optional.empty();
        String at = "output '" + name + "' differs at " + bad + " of " + expected.size() + " elements; first at flat index "
                + first + ": expected " + format(expected, first) + ", found " + format(actual, first);
        return Optional.of(fp ? at + String.format(" (max |diff| %.3g, rtol %g, atol %g)", maxDiff, rtol, atol) : at);
    }

    public static Optional<String> mismatch(String name, Tensor expected, Tensor actual) {
        return mismatch(name, expected, actual, RTOL, ATOL);
    }

    static boolean close(double expected, double actual, double rtol, double atol) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) return Double.isNaN(expected) && Double.isNaN(actual);
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) return expected == actual;
        return Math.abs(actual - expected) <= atol + rtol * Math.abs(expected);
    }

    private static boolean sameExact(Tensor expected, Tensor actual, long i) {
        if (expected.dtype() == DType.BOOL) return expected.getBoolean(i) == actual.getBoolean(i);
        return expected.getLong(i) == actual.getLong(i);
    }

    private static String format(Tensor t, long i) {
        if (t.dtype().isFloatingPoint()) return Double.toString(t.getDouble(i));
        if (t.dtype() == DType.BOOL) return Boolean.toString(t.getBoolean(i));
        if (t.dtype() == DType.UINT64) return Long.toUnsignedString(t.getLong(i));
        return Long.toString(t.getLong(i));
    }
}
