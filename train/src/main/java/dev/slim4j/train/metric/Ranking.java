package dev.slim4j.train.metric;

import dev.slim4j.tensor.Tensor;

/** Where the true class of each row of a [N, C] score tensor ranks; checks the shapes of scores and labels. */
record Ranking(Tensor logits, Tensor labels, int rows, int classes) {
    static Ranking of(Tensor logits, Tensor labels) {
        if (logits.rank() != 2 || logits.shape().dim(1) < 1) {
            throw new IllegalArgumentException("expected logits of shape [batch, classes], found " + logits.shape());
        }
        int rows = logits.shape().dim(0);
        if (labels.dtype().isFloatingPoint() || labels.rank() != 1 || labels.shape().dim(0) != rows) {
            throw new IllegalArgumentException("expected integer labels of shape [" + rows + "], found "
                    + labels.dtype() + labels.shape());
        }
        return new Ranking(logits, labels, rows, logits.shape().dim(1));
    }

    /** The label of row {@code n}, checked against the class count. */
    int label(int n) {
        long l = labels.getLong(n);
        if (l < 0 || l >= classes) throw new IllegalArgumentException("label " + n + " is " + l + ", expected 0.." + (classes - 1));
        return (int) l;
    }

    /** The predicted class of row {@code n}: the highest score, the lowest index among ties; NaN scores lose to any number. */
    int argmax(int n) {
        int best = 0;
        double bestScore = score(n, 0);
        for (int c = 1; c < classes; c++) {
            double s = score(n, c);
            if (s > bestScore || (Double.isNaN(bestScore) && !Double.isNaN(s))) {
                best = c;
                bestScore = s;
            }
        }
        return best;
    }

    /**
     * 0-based rank of class {@code c} in row {@code n}: how many classes score higher, or equal with a lower
     * index. A NaN score ranks last (a diverged model is right about nothing).
     */
    int rank(int n, int c) {
        double target = score(n, c);
        if (Double.isNaN(target)) return classes;
        int ahead = 0;
        for (int j = 0; j < classes; j++) {
            double s = score(n, j);
            if (s > target || (s == target && j < c)) ahead++;
        }
        return ahead;
    }

    private double score(int n, int c) { return logits.getDouble((long) n * classes + c); }
}
