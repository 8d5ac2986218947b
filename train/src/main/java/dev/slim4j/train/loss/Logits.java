package dev.slim4j.train.loss;

import dev.slim4j.tensor.Tensor;

/** A checked view of a [batch, classes] floating-point tensor of scores, with a stable log-softmax. */
record Logits(Tensor tensor, int rows, int classes) {
    /** Checks that {@code t} is a floating-point [N, C] tensor with N, C >= 1; {@code role} names it. */
    static Logits of(Tensor t, String role) {
        if (!t.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("expected " + role + " of a floating-point type, found " + t.dtype());
        }
        if (t.rank() != 2 || t.shape().dim(0) < 1 || t.shape().dim(1) < 1) {
            throw new IllegalArgumentException("expected " + role + " of shape [batch, classes], found " + t.shape());
        }
        return new Logits(t, t.shape().dim(0), t.shape().dim(1));
    }

    /** log softmax(row / temperature), computed in double with the row maximum subtracted. */
    double[] logSoftmax(int row, double temperature) {
        double[] z = new double[classes];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            z[c] = tensor.getDouble((long) row * classes + c) / temperature;
            max = Math.max(max, z[c]);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) sum += Math.exp(z[c] - max);
        double logSum = max + Math.log(sum);
        for (int c = 0; c < classes; c++) z[c] -= logSum;
        return z;
    }

    /** A zero tensor of the same type and shape, for the gradient. */
    Tensor zeros() {
        return Tensor.allocate(tensor.dtype(), tensor.shape());
    }
}
