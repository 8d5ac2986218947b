package dev.slim4j.kernels;

import java.util.Objects;

/**
 * Per-column requantization of exact int32 accumulators to one byte:
 * {@code q = saturate(roundHalfEven((float) (acc + offset[j]) * multiplier[j]) + zeroPoint)} to
 * {@code [qmin, qmax]}, int32 addition wrapping, the product in float32, a NaN product giving the saturated zero
 * point: the requantization rule of {@code QuantMath.requantize} with the zero-point correction and the bias
 * folded into {@code offset}. The range lies within one byte, signed or unsigned.
 */
public record Requantization(int[] offset, float[] multiplier, int zeroPoint, int qmin, int qmax) {
    public Requantization {
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(multiplier, "multiplier");
        if (offset.length != multiplier.length) {
            throw new IllegalArgumentException("expected one offset per multiplier, found " + offset.length
                    + " offsets and " + multiplier.length + " multipliers");
        }
        if (qmin > qmax || qmin < -128 || qmax > 255 || (qmin < 0 && qmax > 127)) {
            throw new IllegalArgumentException("expected a signed or unsigned byte range, found [" + qmin + ", "
                    + qmax + "]");
        }
    }

    /** Columns (output channels) it requantizes. */
    public int columns() {
        return offset.length;
    }

    /** The byte of accumulator {@code acc} in column {@code column}. */
    public byte apply(int acc, int column) {
        float scaled = (float) (acc + offset[column]) * multiplier[column];
        double v = Math.rint(scaled) + zeroPoint;
        long q = v <= qmin ? qmin : v >= qmax ? qmax : v == v ? (long) v : Math.clamp(zeroPoint, qmin, qmax);
        return (byte) q;
    }

    /** True when no multiplier is NaN or infinite (the native kernel's precondition). */
    public boolean finiteMultipliers() {
        for (float m : multiplier) {
            if (!Float.isFinite(m)) return false;
        }
        return true;
    }
}
