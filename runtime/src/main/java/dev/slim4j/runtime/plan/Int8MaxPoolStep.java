package dev.slim4j.runtime.plan;

import dev.slim4j.kernels.BytePooling;
import dev.slim4j.kernels.PoolGeometry;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;

/** MaxPool over uint8 or int8 NCHW activations, the planes split between the workers. */
record Int8MaxPoolStep(PoolGeometry g, DType type, Shape yShape, Operand x, Operand.Slot y, Workers workers)
        implements Step {
    @Override public void run(Frame f) {
        byte[] xb = x.tensor(f).bytes();
        Tensor out = f.output(y);
        byte[] yb = out.bytes();
        workers.forRanges(g.planes(), (part, from, to) ->
                BytePooling.maxPool(g, type == DType.UINT8, xb, 0, yb, 0, from, to));
    }
}
