package dev.slim4j.cli.train;

import dev.slim4j.cli.ArgParser;
import dev.slim4j.cli.Command;
import dev.slim4j.cli.DataOptions;
import dev.slim4j.cli.JsonText;
import dev.slim4j.cli.UsageException;
import dev.slim4j.ir.Model;
import dev.slim4j.onnx.OnnxWriter;
import dev.slim4j.train.data.Augmentation;
import dev.slim4j.train.data.Dataset;
import dev.slim4j.train.data.Normalization;
import dev.slim4j.train.optim.LearningRateSchedule;
import dev.slim4j.train.trainer.Evaluation;
import dev.slim4j.train.trainer.Evaluator;
import dev.slim4j.train.trainer.ProgressBar;
import dev.slim4j.train.trainer.Trainer;
import dev.slim4j.train.trainer.TrainerConfig;
import dev.slim4j.train.trainer.TrainingResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code slim4j train --model NAME|PATH.onnx --dataset fashion-mnist --epochs N --out MODEL.onnx}: trains
 * with softmax cross-entropy (SGD with momentum or AdamW, cosine schedule by default), measures the
 * result on the test split and writes it as ONNX (atomically), the normalization in its metadata.
 */
public final class TrainCommand implements Command {
    @Override public String name() { return "train"; }

    @Override public String summary() { return "train a zoo model or an ONNX classifier on a data set"; }

    @Override public int run(List<String> args, PrintStream out, PrintStream err) {
        ArgParser p = new ArgParser(name(), summary());
        TrainOptions o = new TrainOptions(p);
        if (!p.parse(args)) {
            out.print(p.usage());
            return 0;
        }
        TrainOptions.Checked c = o.check();
        Dataset train = c.data().train();
        Dataset test = c.data().test();
        TrainerConfig config = c.config().withOptimizer(c.config().optimizer().withSchedule(schedule(o, c.config(), train)));
        Trainer trainer = c.resume() == null ? new Trainer(c.model().load(config.seed()), config)
                : Trainer.resume(c.resume(), config);
        out.printf(Locale.ROOT, "training %s on %s (%d images, %d test) for %d epochs: batch %d, %s, seed %d, %d threads%n",
                c.model().text(), c.data().datasetName(), train.size(), test.size(), config.epochs(), config.batchSize(),
                config.optimizer(), config.seed(), config.threads());
        if (!o.quiet()) trainer.addListener(new ProgressBar(out, 500));
        TrainingResult result = trainer.fit(train, o.validateEachEpoch() ? test : null);
        Evaluation e = result.validation().orElseGet(() -> Evaluator.evaluate(result.model(), test,
                config.normalization(), Math.max(config.batchSize(), 256), config.threads()));
        Model trained = result.model().withMetadata("slim4j.train.dataset", c.data().datasetName())
                .withMetadata("slim4j.train.model", c.model().text())
                .withMetadata("slim4j.eval.top1", Double.toString(e.top1()));
        OnnxWriter.write(trained, c.out());
        report(out, o.json(), c, result, e);
        return 0;
    }

    private static LearningRateSchedule schedule(TrainOptions o, TrainerConfig c, Dataset train) {
        long steps = (long) c.epochs() * ((train.size() + c.batchSize() - 1) / c.batchSize());
        return switch (o.schedule()) {
            case "constant" -> LearningRateSchedule.constant();
            case "cosine" -> LearningRateSchedule.cosine(Math.max(2, steps), 0, 0);
            default -> throw new UsageException("unknown --schedule '" + o.schedule() + "', expected one of [cosine, constant]");
        };
    }

    private static void report(PrintStream out, boolean json, TrainOptions.Checked c, TrainingResult r, Evaluation e) {
        double rate = r.epochs().stream().mapToDouble(x -> x.imagesPerSecond()).average().orElse(Double.NaN);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", c.model().text());
            m.put("out", c.out().toString());
            m.put("epochs", r.epochs().size());
            m.put("train_images_per_second", rate);
            m.put("epoch_images_per_second", r.epochs().stream().map(x -> x.imagesPerSecond()).toList());
            m.put("test_top1", e.top1());
            m.put("test_top5", e.top5());
            m.put("test_loss", e.loss());
            out.println(JsonText.write(m));
            return;
        }
        out.printf(Locale.ROOT, "test: top-1 %.2f%%, top-5 %.2f%%, loss %.4f over %d images; %.0f img/s training%n",
                100 * e.top1(), 100 * e.top5(), e.loss(), e.examples(), rate);
        out.println("wrote " + c.out());
    }

    /** Normalization of a model's inputs: its metadata's, else Fashion-MNIST's. */
    public static Normalization normalizationOf(Model m) {
        String v = m.metadata().get(Trainer.NORMALIZATION_KEY);
        return v == null ? Normalization.defaults() : DataOptions.parse(v);
    }

    static Augmentation augmentation(boolean on) {
        return on ? Augmentation.defaults().withPadding(2).withHorizontalFlip(true) : Augmentation.defaults();
    }

}
