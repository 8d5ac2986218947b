package dev.slim4j.train.metric;

import dev.slim4j.tensor.Tensor;

/** Top-1, top-5 (top-C when there are fewer classes) and the confusion matrix, fed together. */
public final class ClassificationMetrics {
    private final TopKAccuracy top1 = new TopKAccuracy(1);
    private final TopKAccuracy top5;
    private final ConfusionMatrix confusion;

    public ClassificationMetrics(int classes) {
        this.confusion = new ConfusionMatrix(classes);
        this.top5 = new TopKAccuracy(Math.min(5, classes));
    }

    /** Adds a batch of logits [N, C] with labels [N]. */
    public ClassificationMetrics add(Tensor logits, Tensor labels) {
        confusion.add(logits, labels);
        top1.add(logits, labels);
        top5.add(logits, labels);
        return this;
    }

    public double top1() { return top1.value(); }

    public double top5() { return top5.value(); }

    public double[] perClassAccuracy() { return confusion.perClassAccuracy(); }

    public ConfusionMatrix confusion() { return confusion; }

    @Override public String toString() {
        return String.format("top-1 %.4f, top-%d %.4f over %d examples", top1(), top5.k(), top5(), top1.total());
    }
}
