package dev.slim4j.tensor.quant;

import dev.slim4j.tensor.DType;

/**
 * The integer grid a quantized value may take: {@code [min, max]} stored as {@code storage} (INT8,
 * UINT8, INT16, UINT16 or INT32). For a full type the grid is the type's range; for narrow bit widths
 * (2 to 7 bits held in a byte) and for the symmetric signed grid (-127..127) it is a sub-range.
 */
public record IntegerRange(long min, long max, DType storage) {
    public IntegerRange {
        if (min >= max) throw new IllegalArgumentException("expected an integer range min < max, found [" + min + ", " + max + "]");
        if (min < QuantMath.qmin(storage) || max > QuantMath.qmax(storage)) {
            throw new IllegalArgumentException("range [" + min + ", " + max + "] does not fit " + storage + " ["
                    + QuantMath.qmin(storage) + ", " + QuantMath.qmax(storage) + "]");
        }
    }

    /** The full range of {@code type}. */
    public static IntegerRange of(DType type) { return new IntegerRange(QuantMath.qmin(type), QuantMath.qmax(type), type); }

    /**
     * The grid of {@code bits} bits (2..16): signed {@code [-2^(bits-1), 2^(bits-1) - 1]}, unsigned
     * {@code [0, 2^bits - 1]}; with {@code narrow} a signed grid drops its lowest value so that it is
     * symmetric around 0 (-127..127 for 8 bits), as symmetric weight quantization uses.
     */
    public static IntegerRange bits(int bits, boolean signed, boolean narrow) {
        if (bits < 2 || bits > 16) throw new IllegalArgumentException("expected 2 to 16 bits, found " + bits);
        DType storage = bits <= 8 ? (signed ? DType.INT8 : DType.UINT8) : (signed ? DType.INT16 : DType.UINT16);
        if (!signed) return new IntegerRange(0, (1L << bits) - 1, storage);
        long half = 1L << (bits - 1);
        return new IntegerRange(narrow ? -half + 1 : -half, half - 1, storage);
    }

    /** Number of grid steps, {@code max - min}. */
    public long steps() { return max - min; }

    /** Clamps {@code v} to this grid. */
    public long saturate(long v) { return Math.clamp(v, min, max); }
}
