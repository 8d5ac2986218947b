package dev.slim4j.runtime.plan;

import dev.slim4j.tensor.Tensor;
import java.util.Arrays;

/** The state of one plan while it runs: the planned float arena and the slots of run-time tensors. */
final class Frame {
    final float[] arena;
    final Tensor[] tensors;

    Frame(float[] arena, int tensorSlots) {
        this.arena = arena;
        this.tensors = new Tensor[tensorSlots];
    }

    /** Drops the run-time tensors so that inputs and reference results are not kept alive between runs. */
    void clear() {
        Arrays.fill(tensors, null);
    }
}
