package dev.slim4j.kernels;

import java.util.Objects;

/**
 * A constant left operand {@code alpha * op(A)} ({@code m x k}) prepared once by {@link Gemm#prepareLeft} for
 * many products with different right operands (weights of a layer). {@code packed} is the implementation's own
 * layout (null when it keeps none); the source array stays referenced for the reference path and checks and
 * must not change afterwards.
 */
public record PreparedLeft(boolean transA, int m, int k, float alpha, float[] a, int aOff, int lda, float[] packed) {
    public PreparedLeft {
        Objects.requireNonNull(a, "a");
    }
}
