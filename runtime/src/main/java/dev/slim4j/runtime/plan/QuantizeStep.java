package dev.slim4j.runtime.plan;

import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.tensor.quant.QuantMath;

/**
 * Per-tensor QuantizeLinear of float32 into a new 8-bit tensor: {@link QuantMath#quantize}'s arithmetic
 * (float32 division, round half to even, saturation, NaN to the zero point) with the type's bounds
 * resolved once instead of per element.
 */
record QuantizeStep(float scale, long zeroPoint, DType type, Shape shape, Operand x, Operand.Slot y)
        implements Step {
    @Override public void run(Frame f) {
        float[] xa = x.array(f);
        int xo = x.offset(f);
        Tensor out = Tensor.allocate(type, shape);
        byte[] yb = out.bytes();
        double lo = QuantMath.qmin(type);
        double hi = QuantMath.qmax(type);
        double zp = zeroPoint;
        for (int i = 0; i < yb.length; i++) {
            double v = Math.rint(xa[xo + i] / scale) + zp;
            double q = v <= lo ? lo : v >= hi ? hi : Double.isNaN(v) ? Math.clamp(zp, lo, hi) : v;
            yb[i] = (byte) (long) q;
        }
        f.tensors[y.slot()] = out;
    }
}
