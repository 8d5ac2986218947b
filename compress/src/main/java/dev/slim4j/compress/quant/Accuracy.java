package dev.slim4j.compress.quant;

import dev.slim4j.ir.Model;
import dev.slim4j.ir.Value;
import dev.slim4j.runtime.Session;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.train.data.Batch;
import dev.slim4j.train.data.DataLoader;
import dev.slim4j.train.data.Dataset;
import dev.slim4j.train.data.LoaderConfig;
import dev.slim4j.train.metric.ClassificationMetrics;
import java.util.Map;

/** Top-1 accuracy of a single-input classifier on the first examples of a data set, run by the reference Session. */
public final class Accuracy {
    private Accuracy() {}

    /** Top-1 in percent over exactly the first {@code count} examples of {@code data} (in order, batches of at most 250). */
    public static double top1(Model model, Dataset data, LoaderConfig loader, int count) {
        if (count < 1) throw new IllegalArgumentException("accuracy needs at least 1 example, found " + count);
        int size = Math.min(250, count);
        while (count % size != 0) size--;
        LoaderConfig ordered = loader.withShuffle(false).withBatchSize(size);
        ClassificationMetrics metrics = new ClassificationMetrics(data.classCount());
        int seen = 0;
        try (Session s = Session.create(model)) {
            if (s.inputs().size() != 1) throw new IllegalArgumentException("accuracy needs a model with one input, found " + s.inputs().size());
            Value input = s.inputs().getFirst();
            for (Batch batch : new DataLoader(data, ordered).epoch(0)) {
                if (seen >= count) break;
                Tensor logits = s.run(Map.of(input.name(), CalibrationData.fit(batch.images(), input))).values().iterator().next();
                metrics.add(logits, batch.labels());
                seen += batch.size();
            }
        }
        return 100 * metrics.top1();
    }
}
