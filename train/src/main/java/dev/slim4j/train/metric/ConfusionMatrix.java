package dev.slim4j.train.metric;

import dev.slim4j.tensor.Tensor;
import java.util.Objects;

/** Counts of (true class, predicted class) pairs, accumulated over batches; rows are true classes. */
public final class ConfusionMatrix {
    private final int classes;
    private final long[] counts;
    private long total;

    public ConfusionMatrix(int classes) {
        if (classes < 1) throw new IllegalArgumentException("classes must be positive, found " + classes);
        this.classes = classes;
        this.counts = new long[Math.multiplyExact(classes, classes)];
    }

    public int classCount() { return classes; }

    /** Adds a batch of logits [N, C] (C = classCount()) with labels [N]; the prediction is the argmax. */
    public ConfusionMatrix add(Tensor logits, Tensor labels) {
        Ranking r = Ranking.of(logits, labels);
        if (r.classes() != classes) {
            throw new IllegalArgumentException("expected logits for " + classes + " classes, found " + r.classes());
        }
        for (int n = 0; n < r.rows(); n++) add(r.label(n), r.argmax(n));
        return this;
    }

    /** Adds one example. */
    public ConfusionMatrix add(int actual, int predicted) {
        Objects.checkIndex(actual, classes);
        Objects.checkIndex(predicted, classes);
        counts[actual * classes + predicted]++;
        total++;
        return this;
    }

    public long count(int actual, int predicted) {
        Objects.checkIndex(actual, classes);
        Objects.checkIndex(predicted, classes);
        return counts[actual * classes + predicted];
    }

    public long total() { return total; }

    /** Number of examples of class {@code c} (its row sum). */
    public long support(int c) {
        long s = 0;
        for (int p = 0; p < classes; p++) s += count(c, p);
        return s;
    }

    /** Overall top-1 accuracy (trace / total), NaN when empty. */
    public double accuracy() {
        long diag = 0;
        for (int c = 0; c < classes; c++) diag += counts[c * classes + c];
        return total == 0 ? Double.NaN : (double) diag / total;
    }

    /** For each class, the fraction of its examples predicted correctly (recall); NaN for a class with none. */
    public double[] perClassAccuracy() {
        double[] acc = new double[classes];
        for (int c = 0; c < classes; c++) {
            long s = support(c);
            acc[c] = s == 0 ? Double.NaN : (double) count(c, c) / s;
        }
        return acc;
    }

    /** The matrix as text: one row per true class. */
    @Override public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int a = 0; a < classes; a++) {
            for (int p = 0; p < classes; p++) sb.append(p == 0 ? "" : " ").append(counts[a * classes + p]);
            sb.append('\n');
        }
        return sb.toString();
    }
}
