package dev.slim4j.train.loss;

import dev.slim4j.tensor.Tensor;

/**
 * Softmax cross-entropy of logits [N, C] against class labels [N], averaged over the batch. With
 * label smoothing {@code e} the target is {@code (1 - e) * onehot + e / C} (as in PyTorch), and the
 * gradient with respect to the logits is {@code (softmax - target) / N}.
 */
public record CrossEntropy(double labelSmoothing) {
    public CrossEntropy {
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
            throw new IllegalArgumentException("labelSmoothing must lie in [0, 1], found " + labelSmoothing);
        }
    }

    /** No label smoothing. */
    public static CrossEntropy defaults() { return new CrossEntropy(0); }

    public CrossEntropy withLabelSmoothing(double e) { return new CrossEntropy(e); }

    /** The loss of {@code logits} [N, C] (float type) for integer {@code labels} [N] in 0..C-1. */
    public LossValue compute(Tensor logits, Tensor labels) {
        Logits z = Logits.of(logits, "logits");
        checkLabels(labels, z);
        Tensor grad = z.zeros();
        double total = 0;
        double off = labelSmoothing / z.classes();
        for (int n = 0; n < z.rows(); n++) {
            double[] logP = z.logSoftmax(n, 1);
            int label = (int) labels.getLong(n);
            for (int c = 0; c < z.classes(); c++) {
                double target = off + (c == label ? 1 - labelSmoothing : 0);
                total -= target * logP[c];
                grad.setDouble((long) n * z.classes() + c, (Math.exp(logP[c]) - target) / z.rows());
            }
        }
        return new LossValue(total / z.rows(), grad);
    }

    private static void checkLabels(Tensor labels, Logits z) {
        if (labels.dtype().isFloatingPoint() || labels.rank() != 1 || labels.shape().dim(0) != z.rows()) {
            throw new IllegalArgumentException("expected integer labels of shape [" + z.rows() + "], found "
                    + labels.dtype() + labels.shape());
        }
        for (int n = 0; n < z.rows(); n++) {
            long l = labels.getLong(n);
            if (l < 0 || l >= z.classes()) {
                throw new IllegalArgumentException("label " + n + " is " + l + ", expected 0.." + (z.classes() - 1));
            }
        }
    }
}
