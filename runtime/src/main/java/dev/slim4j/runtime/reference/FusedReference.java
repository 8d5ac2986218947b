package dev.slim4j.runtime.reference;

import dev.slim4j.ir.op.Activation;
import dev.slim4j.tensor.ShapeException;
import dev.slim4j.tensor.Tensor;

/** Reference semantics of fused epilogues: y = activation(x + z), elementwise, z optional and of x's shape. */
final class FusedReference {
    private FusedReference() {}

    static Tensor epilogue(Tensor x, Tensor z, Activation activation) {
        if (z != null && !z.shape().equals(x.shape())) {
            throw new ShapeException("fused residual input should have shape " + x.shape() + " but has " + z.shape());
        }
        Tensor y = Tensor.allocate(x.dtype(), x.shape());
        for (long i = 0; i < x.size(); i++) {
            double v = x.getDouble(i) + (z == null ? 0 : z.getDouble(i));
            y.setDouble(i, activation.apply((float) v));
        }
        return y;
    }
}
