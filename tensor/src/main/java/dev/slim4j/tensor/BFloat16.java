package dev.slim4j.tensor;

/** bfloat16 conversion: the top 16 bits of an IEEE float32, rounded to nearest even. */
public final class BFloat16 {
    private BFloat16() {}

    public static short fromFloat(float f) {
        int bits = Float.floatToRawIntBits(f);
        if (Float.isNaN(f)) return (short) ((bits >>> 16) | 0x40);
        int rounding = 0x7FFF + ((bits >>> 16) & 1);
        return (short) ((bits + rounding) >>> 16);
    }

    public static float toFloat(short b) { return Float.intBitsToFloat((b & 0xFFFF) << 16); }
}
