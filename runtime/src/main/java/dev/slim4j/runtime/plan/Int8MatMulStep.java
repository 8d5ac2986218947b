package dev.slim4j.runtime.plan;

import dev.slim4j.kernels.Int8Gemm;
import dev.slim4j.kernels.Int8Weights;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.tensor.quant.QuantMath;

/**
 * QLinearMatMul of a uint8 A [..., M, K] (all rows as one matrix) by a constant int8 B [K, N] with zero point 0:
 * int8 GEMM into int32, {@code acc - za * sum_k b}, requantized per column exactly as the reference does.
 */
final class Int8MatMulStep implements Step {
    private final Int8Gemm gemm;
    private final Int8Weights weights;
    private final int rows;
    private final int[] offset;
    private final float[] multiplier;
    private final long yZero;
    private final DType yType;
    private final Shape yShape;
    private final Operand a;
    private final Operand.Slot y;
    private final Workers workers;
    private final int[] acc;

    Int8MatMulStep(Int8Gemm gemm, Int8Weights weights, int rows, float[] multiplier, int aZero, long yZero,
                   DType yType, Shape yShape, Operand a, Operand.Slot y, Workers workers) {
        this.gemm = gemm;
        this.weights = weights;
        this.rows = rows;
        this.multiplier = multiplier;
        this.yZero = yZero;
        this.yType = yType;
        this.yShape = yShape;
        this.a = a;
        this.y = y;
        this.workers = workers;
        this.acc = new int[rows * weights.n()];
        this.offset = new int[weights.n()];
        for (int j = 0; j < offset.length; j++) offset[j] = -aZero * weights.columnSums()[j];
    }

    @Override public void run(Frame f) {
        byte[] ab = a.tensor(f).bytes();
        int n = weights.n();
        gemm.multiply(rows, ab, 0, weights.k(), weights, acc, 0, n, workers.parallelism());
        Tensor out = Tensor.allocate(yType, yShape);
        byte[] yb = out.bytes();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < n; j++) {
                yb[i * n + j] = (byte) QuantMath.requantize(acc[i * n + j] + offset[j], multiplier[j], yZero, yType);
            }
        }
        f.tensors[y.slot()] = out;
    }
}
