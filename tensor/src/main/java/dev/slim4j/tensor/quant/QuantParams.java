package dev.slim4j.tensor.quant;

import dev.slim4j.tensor.DType;

/**
 * Per-tensor linear quantization parameters: {@code real = (q - zeroPoint) * scale}, with q stored as
 * {@code type} (an integer type with a range, see {@link QuantMath#qmin}).
 */
public record QuantParams(float scale, long zeroPoint, DType type) {
    public QuantParams {
        if (!(scale > 0) || !Float.isFinite(scale)) {
            throw new IllegalArgumentException("quantization scale must be positive and finite, found " + scale);
        }
        if (zeroPoint < QuantMath.qmin(type) || zeroPoint > QuantMath.qmax(type)) {
            throw new IllegalArgumentException("zero point must lie in the range of " + type + " ["
                    + QuantMath.qmin(type) + ", " + QuantMath.qmax(type) + "], found " + zeroPoint);
        }
    }

    /** Quantizes one value with these parameters. */
    public long quantize(float x) { return QuantMath.quantize(x, scale, zeroPoint, type); }

    /** Dequantizes one stored value with these parameters. */
    public float dequantize(long q) { return QuantMath.dequantize(q, scale, zeroPoint); }

    /** Quantizes and dequantizes one value (the value the quantized model sees). */
    public float fakeQuantize(float x) { return QuantMath.fakeQuantize(x, scale, zeroPoint, type); }
}
