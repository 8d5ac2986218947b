package dev.slim4j.train.metric;

import dev.slim4j.tensor.Tensor;

/** The fraction of examples whose true class is among the {@code k} highest scores, accumulated over batches. */
public final class TopKAccuracy {
    private final int k;
    private long correct;
    private long total;

    public TopKAccuracy(int k) {
        if (k < 1) throw new IllegalArgumentException("k must be positive, found " + k);
        this.k = k;
    }

    public int k() { return k; }

    /** Adds a batch of logits [N, C] with labels [N]. */
    public TopKAccuracy add(Tensor logits, Tensor labels) {
        Ranking r = Ranking.of(logits, labels);
        for (int n = 0; n < r.rows(); n++) {
            if (r.rank(n, r.label(n)) < k) correct++;
        }
        total += r.rows();
        return this;
    }

    public long correct() { return correct; }

    public long total() { return total; }

    /** correct / total, or NaN before any example was added. */
    public double value() { return total == 0 ? Double.NaN : (double) correct / total; }

    @Override public String toString() { return "top-" + k + " " + correct + "/" + total; }
}
