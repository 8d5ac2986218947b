package dev.slim4j.runtime.plan;

import dev.slim4j.tensor.Tensor;
import java.util.Arrays;

/**
 * The state of one plan while it runs: the planned float arena, the slots of run-time tensors, and the output
 * tensors that fast steps writing 8-bit values reuse from run to run ({@link #output}), so that steady-state
 * runs of an integer plan allocate none. Graph outputs are copied before they leave the
 * plan (see {@link Plan#run}).
 */
final class Frame {
    final float[] arena;
    final Tensor[] tensors;
    private final Tensor[] reused;

    Frame(float[] arena, int tensorSlots) {
        this.arena = arena;
        this.tensors = new Tensor[tensorSlots];
        this.reused = new Tensor[tensorSlots];
    }

    /** The tensor a step writes {@code y} into, allocated on the first run and reused after; placed in its slot. */
    Tensor output(Operand.Slot y) {
        Tensor t = reused[y.slot()];
        if (t == null) {
            t = Tensor.allocate(y.dtype(), y.shape());
            reused[y.slot()] = t;
        }
        tensors[y.slot()] = t;
        return t;
    }

    /** Drops the run-time tensors so that inputs and reference results are not kept alive between runs. */
    void clear() {
        Arrays.fill(tensors, null);
    }
}
