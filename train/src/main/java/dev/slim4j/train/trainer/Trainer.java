package dev.slim4j.train.trainer;

import dev.slim4j.ir.Model;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.train.data.Batch;
import dev.slim4j.train.data.DataLoader;
import dev.slim4j.train.data.Dataset;
import dev.slim4j.train.data.Epoch;
import dev.slim4j.train.data.LoaderConfig;
import dev.slim4j.train.data.Normalization;
import dev.slim4j.train.grad.FastOps;
import dev.slim4j.train.grad.Tape;
import dev.slim4j.train.grad.TapeOptions;
import dev.slim4j.train.loss.CrossEntropy;
import dev.slim4j.train.loss.LossValue;
import dev.slim4j.train.optim.AdamConfig;
import dev.slim4j.train.optim.Optimizer;
import dev.slim4j.train.optim.OptimizerConfig;
import dev.slim4j.train.optim.OptimizerState;
import dev.slim4j.train.optim.SgdConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Trains a classifier graph with softmax cross-entropy: per batch the tape runs the graph in training
 * mode, the loss gradient flows back through the per-op rules, the optimizer updates the trainable
 * initializers ({@link TrainableSelection}) and the BatchNorm running statistics are taken from the
 * tape. Works on any graph with one image input whose first output is [N, classes] logits. A run is a
 * function of the model, the data, the config's seed and its thread count; with a checkpoint file it
 * writes an ONNX checkpoint after each epoch, and {@link #resume} continues from one exactly.
 */
public final class Trainer {
    /** Metadata key of the trained model: the normalization its inputs expect, as {@code MEAN,STD}. */
    public static final String NORMALIZATION_KEY = "slim4j.normalization";

    private final TrainerConfig config;
    private final ModelState state;
    private final Optimizer optimizer;
    private final CrossEntropy loss;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private int epochsDone;

    public Trainer(Model model, TrainerConfig config) { this(model, config, TrainingState.initial()); }

    private Trainer(Model model, TrainerConfig config, TrainingState start) {
        this.config = Objects.requireNonNull(config, "config");
        this.state = new ModelState(Objects.requireNonNull(model, "model"), config.frozen());
        this.optimizer = config.optimizer().create(state.parameters());
        this.optimizer.restore(start.optimizer());
        this.loss = CrossEntropy.defaults().withLabelSmoothing(config.labelSmoothing());
        this.epochsDone = start.epochsDone();
        if (epochsDone > config.epochs()) {
            throw new IllegalArgumentException("the checkpoint has " + epochsDone + " epochs done, more than the "
                    + config.epochs() + " asked for");
        }
    }

    /**
     * Continues the run saved in {@code checkpoint}: same weights, running statistics, optimizer state and
     * epoch, so with the same config the result equals an uninterrupted run. {@code config.epochs()} is the total.
     */
    public static Trainer resume(Path checkpoint, TrainerConfig config) {
        Checkpoint c = Checkpoint.read(checkpoint);
        String kind = kind(config.optimizer());
        if (!c.optimizer().equals(kind)) {
            throw new IllegalArgumentException(checkpoint + " was written by a " + c.optimizer()
                    + " run, expected " + kind);
        }
        return new Trainer(c.model(), config, c.state());
    }

    public Trainer addListener(TrainingListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** The initializers being trained, in graph order. */
    public List<String> trainable() { return state.parameters().names(); }

    public int epochsDone() { return epochsDone; }

    /** Trains until {@code config.epochs()} are done; {@code validation} (may be null) is measured after each epoch. */
    public TrainingResult fit(Dataset train, Dataset validation) {
        try (Workers w = Workers.of(config.threads())) {
            FastOps ops = new FastOps(w.parallelism());
            DataLoader loader = new DataLoader(train, loaderConfig());
            List<EpochReport> history = new ArrayList<>();
            Optional<Evaluation> last = Optional.empty();
            while (epochsDone < config.epochs()) {
                history.add(runEpoch(loader.epoch(epochsDone), train.classCount(), ops));
                epochsDone++;
                if (validation != null) {
                    Evaluation e = Evaluator.evaluate(state.graph(), validation, config.normalization(),
                            config.batchSize(), ops, state::feeds);
                    listeners.forEach(l -> l.onValidation(epochsDone, e));
                    last = Optional.of(e);
                }
                config.checkpoint().ifPresent(this::writeCheckpoint);
            }
            TrainingResult result = new TrainingResult(trainedModel(), history, last);
            listeners.forEach(l -> l.onEnd(result));
            return result;
        }
    }

    private EpochReport runEpoch(Epoch epoch, int classes, FastOps ops) {
        long start = System.nanoTime();
        double lossSum = 0;
        long correct = 0;
        long seen = 0;
        for (int i = 0; i < epoch.size(); i++) {
            Batch b = epoch.batch(i);
            double lr = optimizer.learningRate();
            Outcome o = step(b, classes, ops);
            lossSum += o.loss() * b.size();
            correct += o.correct();
            seen += b.size();
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = seen / seconds;
            BatchReport r = new BatchReport(epochsDone + 1, config.epochs(), i + 1, epoch.size(), lossSum / seen,
                    (double) correct / seen, rate, (epoch.size() - i - 1) * (seconds / (i + 1)), lr);
            listeners.forEach(l -> l.onBatch(r));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        EpochReport r = new EpochReport(epochsDone + 1, config.epochs(), lossSum / seen, (double) correct / seen, seen,
                seconds, seen / seconds);
        listeners.forEach(l -> l.onEpoch(r));
        return r;
    }

    /** The mean loss of one batch and how many of its examples the model got right. */
    private record Outcome(double loss, int correct) {}

    /** One optimizer step on {@code b}, measured on the logits it computed before the update. */
    private Outcome step(Batch b, int classes, FastOps ops) {
        long index = optimizer.stepCount();
        Tape tape = Tape.record(state.graph(), state.feeds(b.images()), TapeOptions.training(stepSeed(index)), ops);
        Tensor logits = tape.value(state.output());
        Evaluator.checkLogits(logits, b, classes);
        LossValue value = loss.compute(logits, b.labels());
        state.setGradients(tape.backward(Map.of(state.output(), value.gradient())));
        listeners.forEach(l -> l.beforeUpdate(optimizer));
        optimizer.step();
        listeners.forEach(l -> l.afterUpdate(optimizer));
        state.updateStatistics(tape.runningStatistics());
        return new Outcome(value.value(), Accuracy.correct(logits, b.labels()));
    }

    private long stepSeed(long step) { return config.seed() * 0x9E3779B97F4A7C15L + step; }

    private LoaderConfig loaderConfig() {
        return LoaderConfig.defaults().withBatchSize(config.batchSize()).withSeed(config.seed())
                .withNormalization(config.normalization()).withAugmentation(config.augmentation());
    }

    private void writeCheckpoint(Path file) {
        OptimizerState s = optimizer.state();
        Checkpoint.write(file, trainedModel(), new TrainingState(epochsDone, s), kind(config.optimizer()));
    }

    private Model trainedModel() {
        Normalization n = config.normalization();
        return state.export().withMetadata(NORMALIZATION_KEY, n.mean() + "," + n.std())
                .withMetadata("slim4j.train.epochs", Integer.toString(epochsDone))
                .withMetadata("slim4j.train.optimizer", config.optimizer().toString());
    }

    static String kind(OptimizerConfig c) {
        return switch (c) {
            case SgdConfig s -> "sgd";
            case AdamConfig a -> "adam";
        };
    }
}
