package dev.slim4j.runtime.plan;

import dev.slim4j.kernels.Elementwise;
import dev.slim4j.tensor.DType;

/** Per-tensor DequantizeLinear of an 8-bit tensor into the arena: {@code (q - zeroPoint) * scale}. */
record DequantizeStep(Elementwise kernel, float scale, int zeroPoint, boolean unsigned, int count, Operand x,
                      Operand y) implements Step {
    @Override public void run(Frame f) {
        kernel.dequantize(x.tensor(f).bytes(), 0, unsigned, zeroPoint, scale, y.array(f), y.offset(f), count);
    }

    static boolean isUnsigned(DType t) {
        return t == DType.UINT8;
    }
}
