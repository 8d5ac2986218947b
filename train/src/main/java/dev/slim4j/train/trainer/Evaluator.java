package dev.slim4j.train.trainer;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Model;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.train.data.Batch;
import dev.slim4j.train.data.DataLoader;
import dev.slim4j.train.data.Dataset;
import dev.slim4j.train.data.LoaderConfig;
import dev.slim4j.train.data.Normalization;
import dev.slim4j.train.grad.FastOps;
import dev.slim4j.train.grad.Tape;
import dev.slim4j.train.grad.TapeOptions;
import dev.slim4j.train.loss.CrossEntropy;
import dev.slim4j.train.metric.ClassificationMetrics;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs a classifier in inference mode (BatchNorm on running statistics, Dropout off) over a whole data
 * set in order, with the training evaluator's fast ops, and measures it.
 */
public final class Evaluator {
    private Evaluator() {}

    /** {@code model}'s first input gets the normalized images, its first output is read as logits. */
    public static Evaluation evaluate(Model model, Dataset data, Normalization normalization, int batchSize, int threads) {
        Graph g = model.graph();
        if (g.runtimeInputs().size() != 1 || g.outputs().isEmpty()) {
            throw new IllegalArgumentException("expected a classifier with one input and a logits output, graph '"
                    + g.name() + "' has " + g.runtimeInputs().size() + " inputs and " + g.outputs().size() + " outputs");
        }
        String input = g.runtimeInputs().getFirst().name();
        try (Workers w = Workers.of(threads)) {
            return evaluate(g, data, normalization, batchSize, new FastOps(w.parallelism()), x -> Map.of(input, x));
        }
    }

    static Evaluation evaluate(Graph g, Dataset data, Normalization normalization, int batchSize, FastOps ops,
                               Function<Tensor, Map<String, Tensor>> feeds) {
        long start = System.nanoTime();
        LoaderConfig lc = LoaderConfig.defaults().withShuffle(false).withBatchSize(batchSize).withNormalization(normalization);
        String output = g.outputs().getFirst().name();
        ClassificationMetrics metrics = new ClassificationMetrics(data.classCount());
        double lossSum = 0;
        long count = 0;
        for (Batch b : new DataLoader(data, lc).epoch(0)) {
            Tensor logits = Tape.record(g, feeds.apply(b.images()), TapeOptions.inference(), ops).value(output);
            checkLogits(logits, b, data.classCount());
            lossSum += CrossEntropy.defaults().compute(logits, b.labels()).value() * b.size();
            metrics.add(logits, b.labels());
            count += b.size();
        }
        return new Evaluation(lossSum / count, metrics, count, (System.nanoTime() - start) / 1e9);
    }

    static void checkLogits(Tensor logits, Batch b, int classes) {
        if (logits.rank() != 2 || logits.shape().dim(0) != b.size() || logits.shape().dim(1) != classes) {
            throw new IllegalArgumentException("expected logits of shape [" + b.size() + ", " + classes
                    + "] from the model's first output, found " + logits.shape());
        }
    }
}
