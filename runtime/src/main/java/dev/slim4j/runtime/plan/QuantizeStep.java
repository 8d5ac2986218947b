package dev.slim4j.runtime.plan;

import dev.slim4j.kernels.Elementwise;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.tensor.quant.QuantMath;

/**
 * Per-tensor QuantizeLinear of float32 into an 8-bit tensor (reused between runs, {@link Frame#output}) on
 * {@link Elementwise#quantize}, which does {@link QuantMath#quantize}'s arithmetic (float32 division, round half
 * to even, saturation, NaN to the zero point).
 */
record QuantizeStep(Elementwise kernels, float scale, long zeroPoint, DType type, Shape shape, Operand x, Operand.Slot y)
        implements Step {
    @Override public void run(Frame f) {
        Tensor out = f.output(y);
        byte[] yb = out.bytes();
        kernels.quantize(x.array(f), x.offset(f), yb, 0, yb.length, scale, Math.toIntExact(zeroPoint),
                Math.toIntExact(QuantMath.qmin(type)), Math.toIntExact(QuantMath.qmax(type)));
    }
}
