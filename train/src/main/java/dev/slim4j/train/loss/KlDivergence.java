package dev.slim4j.train.loss;

import dev.slim4j.tensor.Tensor;

/**
 * Knowledge-distillation loss (Hinton et al., 2015): {@code T^2 * KL(p_teacher || p_student)} with
 * {@code p = softmax(logits / T)}, summed over classes and averaged over the batch. The factor
 * {@code T^2} keeps gradient magnitudes comparable across temperatures; the gradient with respect to
 * the student logits is {@code T * (p_student - p_teacher) / N}.
 */
public record KlDivergence(double temperature) {
    public KlDivergence {
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be positive and finite, found " + temperature);
        }
    }

    /** Temperature 4. */
    public static KlDivergence defaults() { return new KlDivergence(4); }

    public KlDivergence withTemperature(double t) { return new KlDivergence(t); }

    /** The loss of {@code student} logits [N, C] against {@code teacher} logits of the same shape. */
    public LossValue compute(Tensor student, Tensor teacher) {
        Logits s = Logits.of(student, "student logits");
        Logits t = Logits.of(teacher, "teacher logits");
        if (s.rows() != t.rows() || s.classes() != t.classes()) {
            throw new IllegalArgumentException("expected teacher logits of shape " + student.shape()
                    + " like the student's, found " + teacher.shape());
        }
        Tensor grad = s.zeros();
        double total = 0;
        double temp = temperature;
        for (int n = 0; n < s.rows(); n++) {
            double[] logPs = s.logSoftmax(n, temp);
            double[] logPt = t.logSoftmax(n, temp);
            for (int c = 0; c < s.classes(); c++) {
                double pt = Math.exp(logPt[c]);
                if (pt > 0) total += pt * (logPt[c] - logPs[c]);
                grad.setDouble((long) n * s.classes() + c, temp * (Math.exp(logPs[c]) - pt) / s.rows());
            }
        }
        return new LossValue(temp * temp * total / s.rows(), grad);
    }
}
