package dev.slim4j.runtime.plan;

import dev.slim4j.kernels.Int8Gemm;
import dev.slim4j.kernels.Int8Weights;
import dev.slim4j.kernels.Requantization;
import dev.slim4j.kernels.RequantizedOutput;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.tensor.quant.QuantMath;

/**
 * QLinearMatMul of a uint8 A [..., M, K] (all rows as one matrix) by a constant int8 B [K, N] with zero point 0:
 * int8 GEMM, each int32 sum corrected by {@code - za * sum_k b} and requantized per column exactly as the reference
 * does, by the GEMM itself.
 */
final class Int8MatMulStep implements Step {
    private final Int8Gemm gemm;
    private final Int8Weights weights;
    private final int rows;
    private final Requantization requantization;
    private final Operand a;
    private final Operand.Slot y;
    private final Workers workers;

    Int8MatMulStep(Int8Gemm gemm, Int8Weights weights, int rows, float[] multiplier, int aZero, long yZero,
                   DType yType, Shape yShape, Operand a, Operand.Slot y, Workers workers) {
        this.gemm = gemm;
        this.weights = weights;
        this.rows = rows;
        this.a = a;
        this.y = y;
        this.workers = workers;
        int[] offset = new int[weights.n()];
        for (int j = 0; j < offset.length; j++) offset[j] = -aZero * weights.columnSums()[j];
        this.requantization = new Requantization(offset, multiplier.clone(), Math.toIntExact(yZero),
                (int) QuantMath.qmin(yType), (int) QuantMath.qmax(yType));
    }

    @Override public void run(Frame f) {
        byte[] ab = a.tensor(f).bytes();
        int n = weights.n();
        Tensor out = f.output(y);
        gemm.multiplyRequantized(rows, ab, 0, weights.k(), weights, requantization,
                RequantizedOutput.rows(out.bytes(), 0, weights.n()), workers.parallelism());
    }
}
