package dev.slim4j.runtime.plan;

import dev.slim4j.tensor.DType;

/** Per-tensor DequantizeLinear of an 8-bit tensor into the arena: {@code (q - zeroPoint) * scale}. */
record DequantizeStep(float scale, int zeroPoint, boolean unsigned, int count, Operand x, Operand y) implements Step {
    @Override public void run(Frame f) {
        byte[] xb = x.tensor(f).bytes();
        float[] ya = y.array(f);
        int yo = y.offset(f);
        if (unsigned) {
            for (int i = 0; i < count; i++) ya[yo + i] = (float) ((xb[i] & 0xFF) - zeroPoint) * scale;
        } else {
            for (int i = 0; i < count; i++) ya[yo + i] = (float) (xb[i] - zeroPoint) * scale;
        }
    }

    static boolean isUnsigned(DType t) {
        return t == DType.UINT8;
    }
}
