package dev.slim4j.runtime.plan;

import dev.slim4j.kernels.Activation;
import dev.slim4j.kernels.BinaryOp;
import dev.slim4j.kernels.Elementwise;

/**
 * {@code y = big op small} (or {@code small op big} when {@code smallFirst}) where {@code big} has y's shape
 * viewed as {@code [outer, channels, inner]} and {@code small} holds {@code channels} floats broadcast over
 * outer and inner; {@code channels == outer*channels*inner} (outer = inner = 1) is the same-shape case.
 */
record BinaryStep(Elementwise kernel, BinaryOp op, int outer, int channels, int inner, boolean smallFirst,
                  Operand big, Operand small, Operand y) implements Step {
    @Override public void run(Frame f) {
        float[] ba = big.array(f);
        int bo = big.offset(f);
        float[] sa = small.array(f);
        int so = small.offset(f);
        float[] ya = y.array(f);
        int yo = y.offset(f);
        Activation none = Activation.none();
        if (outer == 1 && inner == 1) {
            if (smallFirst) kernel.binary(op, sa, so, ba, bo, ya, yo, channels, none);
            else kernel.binary(op, ba, bo, sa, so, ya, yo, channels, none);
        } else if (channels == 1) {
            kernel.binaryScalar(op, ba, bo, sa[so], smallFirst, ya, yo, outer * inner, none);
        } else {
            kernel.binaryChannel(op, ba, bo, sa, so, smallFirst, ya, yo, outer, channels, inner, none);
        }
    }
}
