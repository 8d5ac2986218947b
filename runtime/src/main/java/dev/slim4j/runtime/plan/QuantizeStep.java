package dev.slim4j.runtime.plan;

import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.tensor.quant.QuantMath;

/** Per-tensor QuantizeLinear of float32 into a new 8-bit tensor, with {@link QuantMath#quantize}. */
record QuantizeStep(float scale, long zeroPoint, DType type, Shape shape, Operand x, Operand.Slot y)
        implements Step {
    @Override public void run(Frame f) {
        float[] xa = x.array(f);
        int xo = x.offset(f);
        Tensor out = Tensor.allocate(type, shape);
        byte[] yb = out.bytes();
        for (int i = 0; i < yb.length; i++) yb[i] = (byte) QuantMath.quantize(xa[xo + i], scale, zeroPoint, type);
        f.tensors[y.slot()] = out;
    }
}
