package dev.slim4j.train.trainer;

import dev.slim4j.train.metric.ClassificationMetrics;
import java.util.Objects;

/** A model measured on a data set: mean cross-entropy loss, top-1, top-5, per-class accuracy, confusion matrix. */
public record Evaluation(double loss, ClassificationMetrics metrics, long examples, double seconds) {
    public Evaluation {
        Objects.requireNonNull(metrics, "metrics");
    }

    public double top1() { return metrics.top1(); }

    public double top5() { return metrics.top5(); }
}
