package dev.slim4j.tensor.quant;

import dev.slim4j.tensor.DType;

/**
 * The one place for linear quantization math, following ONNX's QuantizeLinear, DequantizeLinear and
 * DynamicQuantizeLinear in float32 arithmetic (as ONNX's reference and ONNX Runtime compute them):
 * <ul>
 * <li>quantize: {@code q = saturate(roundHalfEven(x / scale) + zeroPoint)};</li>
 * <li>dequantize: {@code x = (q - zeroPoint) * scale};</li>
 * <li>requantize an integer accumulator: {@code q = saturate(roundHalfEven(acc * multiplier) + zeroPoint)}
 * with {@code multiplier = inScale * weightScale / outScale}.</li>
 * </ul>
 * A NaN quantizes to the zero point (the quantized grid has no NaN).
 */
public final class QuantMath {
    private QuantMath() {}

    /** True for the integer types that have a quantization range here. */
    public static boolean isQuantized(DType type) {
        return switch (type) {
            case INT8, UINT8, INT16, UINT16, INT32 -> true;
            default -> false;
        };
    }

    /** Smallest value of {@code type}: -128 for INT8, 0 for UINT8, and so on. */
    public static long qmin(DType type) {
        return switch (type) {
            case INT8 -> Byte.MIN_VALUE;
            case INT16 -> Short.MIN_VALUE;
            case INT32 -> Integer.MIN_VALUE;
            case UINT8, UINT16 -> 0;
            default -> throw unquantized(type);
        };
    }

    /** Largest value of {@code type}: 127 for INT8, 255 for UINT8, and so on. */
    public static long qmax(DType type) {
        return switch (type) {
            case INT8 -> Byte.MAX_VALUE;
            case UINT8 -> 255;
            case INT16 -> Short.MAX_VALUE;
            case UINT16 -> 65535;
            case INT32 -> Integer.MAX_VALUE;
            default -> throw unquantized(type);
        };
    }

    /** Round to nearest, ties to even (2.5 -> 2, 3.5 -> 4, -2.5 -> -2). */
    public static float roundHalfEven(float v) { return (float) Math.rint(v); }

    /** Round to nearest, ties to even. */
    public static double roundHalfEven(double v) { return Math.rint(v); }

    /** Clamps {@code v} to the range of {@code type}. */
    public static long saturate(long v, DType type) { return Math.clamp(v, qmin(type), qmax(type)); }

    /** Clamps an already rounded value to the range of {@code type}; NaN gives {@code nanValue}. */
    static long saturate(double v, DType type, long nanValue) {
        if (Double.isNaN(v)) return saturate(nanValue, type);
        if (v <= qmin(type)) return qmin(type);
        if (v >= qmax(type)) return qmax(type);
        return (long) v;
    }

    /** {@code saturate(roundHalfEven(x / scale) + zeroPoint)}, the division in float32 as ONNX specifies. */
    public static long quantize(float x, float scale, long zeroPoint, DType type) {
        float scaled = x / scale;
        return saturate((double) roundHalfEven(scaled) + zeroPoint, type, zeroPoint);
    }

    /** {@code quantize} onto a (possibly narrow) grid: rounds like ONNX, then clamps to {@code range}. */
    public static long quantize(float x, float scale, long zeroPoint, IntegerRange range) {
        return range.saturate(quantize(x, scale, zeroPoint, range.storage()));
    }

    /** {@code dequantize(quantize(x))} on a (possibly narrow) grid. */
    public static float fakeQuantize(float x, float scale, long zeroPoint, IntegerRange range) {
        return dequantize(quantize(x, scale, zeroPoint, range), scale, zeroPoint);
    }

    /** {@code (q - zeroPoint) * scale} in float32. */
    public static float dequantize(long q, float scale, long zeroPoint) { return (float) (q - zeroPoint) * scale; }

    /** {@code dequantize(quantize(x))}: the value a quantized model sees in place of {@code x}. */
    public static float fakeQuantize(float x, float scale, long zeroPoint, DType type) {
        return dequantize(quantize(x, scale, zeroPoint, type), scale, zeroPoint);
    }

    /** The requantization multiplier {@code inScale * weightScale / outScale}, in float32. */
    public static float requantizeMultiplier(float inScale, float weightScale, float outScale) {
        return inScale * weightScale / outScale;
    }

    /** {@code saturate(roundHalfEven(acc * multiplier) + zeroPoint)} with the product in float32. */
    public static long requantize(long acc, float multiplier, long zeroPoint, DType type) {
        float scaled = (float) acc * multiplier;
        return saturate((double) roundHalfEven(scaled) + zeroPoint, type, zeroPoint);
    }

    /** Wraps an accumulator to 32 bits, as ONNX allows integer accumulation to overflow in int32 only. */
    public static int wrapInt32(long acc) { return (int) acc; }

    /**
     * Asymmetric parameters covering [min, max] widened to include 0 (DynamicQuantizeLinear's rule):
     * {@code scale = (max - min) / (qmax - qmin)}, {@code zeroPoint = roundHalfEven(saturate(qmin - min / scale))}.
     * An all-zero range gets {@code scale = 1 / (qmax - qmin)} and the zero point {@code qmin}.
     */
    public static QuantParams asymmetric(float min, float max, DType type) {
        return asymmetric(min, max, IntegerRange.of(type));
    }

    /** {@link #asymmetric(float, float, DType)} onto the grid {@code range} (narrow bit widths included). */
    public static QuantParams asymmetric(float min, float max, IntegerRange range) {
        checkRange(min, max);
        float lo = Math.min(min, 0f);
        float hi = Math.max(max, 0f);
        float levels = (float) range.steps();
        float scale = (hi == lo ? 1f : hi - lo) / levels;
        float initial = (float) range.min() - lo / scale;
        float clamped = Math.clamp(initial, (float) range.min(), (float) range.max());
        return new QuantParams(scale, (long) roundHalfEven(clamped), range.storage());
    }

    /**
     * Symmetric parameters covering [-a, a] with {@code a = max(|min|, |max|)}:
     * {@code scale = a / ((qmax - qmin) / 2)}, zero point 0 for signed types and the middle of the range (128 for UINT8) for unsigned ones. A zero
     * range gets the scale of {@code a = 1}.
     */
    public static QuantParams symmetric(float min, float max, DType type) {
        return symmetric(min, max, IntegerRange.of(type));
    }

    /**
     * {@link #symmetric(float, float, DType)} onto the grid {@code range}: {@code scale = a / (steps / 2)},
     * zero point 0 for signed storage, the middle of the grid for unsigned (8 for 4-bit UINT8). On the
     * narrow signed grid (-127..127) this is {@code a / 127}.
     */
    public static QuantParams symmetric(float min, float max, IntegerRange range) {
        checkRange(min, max);
        float a = Math.max(Math.abs(min), Math.abs(max));
        float half = (float) range.steps() / 2f;
        long zeroPoint = range.storage().isSigned() ? 0 : (range.min() + range.max() + 1) / 2;
        return new QuantParams((a == 0 ? 1f : a) / half, zeroPoint, range.storage());
    }

    private static void checkRange(float min, float max) {
        if (!Float.isFinite(min) || !Float.isFinite(max) || min > max) {
            throw new IllegalArgumentException("expected a finite range min <= max, found [" + min + ", " + max + "]");
        }
    }

    private static IllegalArgumentException unquantized(DType type) {
        return new IllegalArgumentException(
                "expected a quantized integer type (INT8, UINT8, INT16, UINT16, INT32), found " + type);
    }
}
