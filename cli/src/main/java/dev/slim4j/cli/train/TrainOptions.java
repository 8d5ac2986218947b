package dev.slim4j.cli.train;

import dev.slim4j.cli.ArgParser;
import dev.slim4j.cli.DataOptions;
import dev.slim4j.cli.UsageException;
import dev.slim4j.train.data.Normalization;
import dev.slim4j.train.optim.AdamConfig;
import dev.slim4j.train.optim.OptimizerConfig;
import dev.slim4j.train.optim.SgdConfig;
import dev.slim4j.train.trainer.TrainerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The options of {@code train}, and their check into a {@link TrainerConfig} before any data is read. */
final class TrainOptions {
    private final ArgParser.Option<String> model;
    private final ArgParser.Option<Long> epochs;
    private final ArgParser.Option<Double> lr;
    private final ArgParser.Option<Long> batch;
    private final ArgParser.Option<Long> seed;
    private final ArgParser.Option<Long> threads;
    private final ArgParser.Option<String> optimizer;
    private final ArgParser.Option<Double> momentum;
    private final ArgParser.Option<Double> weightDecay;
    private final ArgParser.Option<Double> labelSmoothing;
    private final ArgParser.Option<String> schedule;
    private final ArgParser.Option<Boolean> augment;
    private final ArgParser.Option<Path> checkpoint;
    private final ArgParser.Option<Path> resume;
    private final ArgParser.Option<Path> out;
    private final ArgParser.Option<Boolean> validate;
    private final ArgParser.Option<Boolean> quiet;
    private final ArgParser.Option<Boolean> json;
    private final DataOptions data;

    /** The checked settings. */
    record Checked(ModelSource model, TrainerConfig config, DataOptions data, Path resume, Path out) {}

    TrainOptions(ArgParser p) {
        model = p.string("model", "NAME|PATH", "zoo model name or ONNX file", null);
        data = new DataOptions(p);
        epochs = p.integer("epochs", "N", "epochs to train (the total when resuming)", 10L);
        lr = p.decimal("lr", "X", "learning rate (default 0.05 for sgd, 0.001 for adam)", null);
        batch = p.integer("batch", "N", "batch size", 64L);
        seed = p.integer("seed", "N", "seed of weights, shuffling, augmentation and dropout", 0L);
        threads = p.integer("threads", "N", "threads (a run repeats exactly for the same seed and threads)",
                (long) Runtime.getRuntime().availableProcessors());
        optimizer = p.string("optimizer", "sgd|adam", "SGD with momentum, or AdamW", "sgd");
        momentum = p.decimal("momentum", "X", "SGD momentum", 0.9);
        weightDecay = p.decimal("weight-decay", "X", "weight decay (L2 for sgd, decoupled for adam)", 0.0);
        labelSmoothing = p.decimal("label-smoothing", "X", "label smoothing of the cross-entropy", 0.0);
        schedule = p.string("schedule", "NAME", "learning-rate schedule: cosine or constant", "cosine");
        augment = p.flag("augment", "random crops (padding 2) and horizontal flips");
        checkpoint = p.path("checkpoint", "FILE", "write a checkpoint (ONNX with training state) after each epoch", null);
        resume = p.path("resume", "FILE", "continue the run saved in this checkpoint (give the run's own settings and --epochs)", null);
        out = p.path("out", "MODEL.onnx", "where to write the trained model", null);
        validate = p.flag("validate", "measure the test split after every epoch");
        quiet = p.flag("quiet", "no progress bar");
        json = p.flag("json", "print the summary as JSON");
    }

    Checked check() {
        ModelSource source = ModelSource.of(model.value());
        data.check();
        if (out.value() == null) throw new UsageException("--out MODEL.onnx is required");
        if (resume.value() != null && !Files.isRegularFile(resume.value())) {
            throw new UsageException("--resume " + resume.value() + ": no such file");
        }
        if (!List.of("sgd", "adam").contains(optimizer.value())) {
            throw new UsageException("unknown --optimizer '" + optimizer.value() + "', expected one of [sgd, adam]");
        }
        if (!List.of("cosine", "constant").contains(schedule.value())) {
            throw new UsageException("unknown --schedule '" + schedule.value() + "', expected one of [cosine, constant]");
        }
        try {
            TrainerConfig c = TrainerConfig.defaults().withEpochs(intValue("epochs", epochs.value()))
                    .withBatchSize(intValue("batch", batch.value())).withSeed(seed.value())
                    .withThreads(intValue("threads", threads.value())).withOptimizer(optimizerConfig())
                    .withLabelSmoothing(labelSmoothing.value()).withAugmentation(TrainCommand.augmentation(augment.value()))
                    .withNormalization(data.normalization(Normalization.defaults())).withCheckpoint(checkpoint.value());
            return new Checked(source, c, data, resume.value(), out.value());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private OptimizerConfig optimizerConfig() {
        if (lr.value() != null && !(lr.value() > 0)) throw new UsageException("--lr must be > 0, found " + lr.value());
        if (optimizer.value().equals("adam")) {
            AdamConfig a = AdamConfig.adamW().withWeightDecay(weightDecay.value());
            return lr.value() == null ? a : a.withLearningRate(lr.value());
        }
        SgdConfig s = SgdConfig.defaults().withLearningRate(0.05).withMomentum(momentum.value())
                .withWeightDecay(weightDecay.value());
        return lr.value() == null ? s : s.withLearningRate(lr.value());
    }

    private static int intValue(String option, long v) {
        if (v < 1 || v > Integer.MAX_VALUE) throw new UsageException("--" + option + " must be >= 1, found " + v);
        return (int) v;
    }

    String schedule() { return schedule.value(); }

    boolean validateEachEpoch() { return validate.value(); }

    boolean quiet() { return quiet.value(); }

    boolean json() { return json.value(); }
}
