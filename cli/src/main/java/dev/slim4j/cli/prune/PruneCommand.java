package dev.slim4j.cli.prune;

import dev.slim4j.cli.ArgParser;
import dev.slim4j.cli.Command;
import dev.slim4j.cli.DataOptions;
import dev.slim4j.cli.UsageException;
import dev.slim4j.cli.train.TrainCommand;
import dev.slim4j.ir.Model;
import dev.slim4j.onnx.OnnxReader;
import dev.slim4j.train.data.Dataset;
import dev.slim4j.train.data.Normalization;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * {@code slim4j prune MODEL.onnx --method NAME (--sparsity R | --flops-target R) [--finetune-epochs N] --out OUT.onnx}:
 * structured pruning on the dependency graph (the output has fewer channels) or unstructured magnitude
 * pruning, with the method's own training stage and optional fine-tuning on Fashion-MNIST.
 */
public final class PruneCommand implements Command {
    @Override public String name() { return "prune"; }

    @Override public String summary() { return "prune channels (physically smaller model) or weights, with fine-tuning"; }

    @Override public int run(List<String> args, PrintStream out, PrintStream err) {
        ArgParser p = new ArgParser(name(), summary());
        var model = p.positional("MODEL.onnx", "the model to prune");
        var method = p.string("method", "NAME", "one of " + PruneMethod.labels() + " (default l1)", "l1");
        var sparsity = p.string("sparsity", "R", "fraction to remove: of channels (structured) or weights (magnitude), in [0, 1)", null);
        var flops = p.string("flops-target", "R", "fraction of MACs to keep instead of --sparsity, in (0, 1]", null);
        var maxLayerDrop = p.string("max-layer-drop", "POINTS", "instead: scan sensitivity, give each group the largest ratio losing at most this (l1, l2, fpgm, random)", null);
        var agp = p.flag("agp", "magnitude: prune gradually (Zhu and Gupta's cubic schedule) during the --finetune-epochs instead of one-shot");
        var roundTo = p.integer("round-to", "K", "keep a multiple of K channels per group where possible (8 or 16 suit blocked conv kernels; default 1)", 1L);
        var global = p.flag("global", "rank channels across all groups (scores normalized per group) instead of per group");
        var finetune = p.integer("finetune-epochs", "N", "epochs of fine-tuning after the cut (for sfp: of soft-pruned training)", 0L);
        var sparsityEpochs = p.integer("sparsity-epochs", "N", "slimming: epochs of sparsity training before the cut", 0L);
        var strength = p.string("sparsity-strength", "LAMBDA", "slimming: L1 penalty on BatchNorm scales (default 1e-4)", "1e-4");
        var lr = p.string("lr", "X", "learning rate of the training stages (SGD, momentum 0.9, cosine; default 0.01)", "0.01");
        var wd = p.string("weight-decay", "X", "weight decay of the training stages (default 1e-4)", "1e-4");
        var batch = p.integer("batch", "N", "batch size of the training stages", 64L);
        var seed = p.integer("seed", "N", "seed of shuffling and of --method random", 0L);
        var threads = p.integer("threads", "N", "threads", (long) Math.max(1, Runtime.getRuntime().availableProcessors()));
        var evalSize = p.integer("eval-size", "N", "test images to measure both models on, 0 to skip (default 10000)", 10000L);
        DataOptions data = new DataOptions(p);
        var sensitivity = p.flag("sensitivity", "first scan each group alone at 10%..90% (table, OUT.sensitivity.json, OUT.sensitivity.svg)");
        var groups = p.flag("groups", "list every pruned group (root, channels before and after)");
        var quiet = p.flag("quiet", "no progress bar");
        var outFile = p.path("out", "OUT.onnx", "where to write the pruned model (required)", null);
        var json = p.flag("json", "print JSON instead of tables");
        if (!p.parse(args)) {
            out.print(p.usage());
            return 0;
        }
        if (outFile.value() == null) throw new UsageException("missing --out OUT.onnx");
        if (strength.present() && !method.value().equals(PruneMethod.SLIMMING.label)) {
            throw new UsageException("--sparsity-strength is slimming's L1 penalty; --method " + method.value() + " does not use it");
        }
        data.check();
        Path modelPath = Path.of(model.value());
        if (Files.isDirectory(modelPath)) throw new UsageException("model file " + modelPath + " is a directory, expected an .onnx file");
        if (!Files.isRegularFile(modelPath)) throw new UsageException("model file " + modelPath + " does not exist");
        checkWritable(outFile.value());
        Model m = OnnxReader.read(modelPath);
        Normalization norm = data.normalizationGiven() ? data.normalization(null) : normalizationOf(m);
        PruneRequest request;
        try {
            FineTuning training = new FineTuning(number("lr", lr.value()), number("weight-decay", wd.value()), toInt("batch", batch.value()),
                    seed.value(), toInt("threads", threads.value()), norm);
            request = new PruneRequest(modelPath, outFile.value(), PruneMethod.parse(method.value()), optional("sparsity", sparsity.value()),
                    optional("flops-target", flops.value()), global.value(), toInt("finetune-epochs", finetune.value()),
                    toInt("sparsity-epochs", sparsityEpochs.value()), number("sparsity-strength", strength.value()), training,
                    toInt("eval-size", evalSize.value()), groups.value(), sensitivity.value(),
                    optional("max-layer-drop", maxLayerDrop.value()), agp.value(), toInt("round-to", roundTo.value()), json.value());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Supplier<Dataset> train = memo(data::train);
        Supplier<Dataset> test = memo(data::test);
        return new PruneJob(request, train, test, !quiet.value() && !json.value(), out, err).run();
    }

    /**
     * Fails before any work when {@code out} cannot be written: a directory, a folder path through a file, or a
     * folder that refuses a new file (probed with a temporary file, removed at once; missing folders are not created).
     */
    static void checkWritable(Path out) {
        Path target = out.toAbsolutePath();
        if (Files.isDirectory(target)) throw new UsageException("--out " + out + " is a directory, expected the path of the .onnx file to write");
        Path existing = target.getParent();
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) throw new UsageException("--out " + out + ": no existing folder above it");
        if (!Files.isDirectory(existing)) {
            throw new UsageException("--out " + out + ": expected a folder at " + existing + ", found a file");
        }
        try {
            Files.delete(Files.createTempFile(existing, ".slim4j-prune", ".probe"));
        } catch (java.io.IOException | SecurityException e) {
            throw new UsageException("--out " + out + ": cannot write in " + existing + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }

    /** The model's own normalization (metadata written by train), or Fashion-MNIST's; bad metadata is named as such. */
    private static Normalization normalizationOf(Model m) {
        try {
            return TrainCommand.normalizationOf(m);
        } catch (UsageException e) {
            throw new UsageException("model metadata " + dev.slim4j.train.trainer.Trainer.NORMALIZATION_KEY + " = '"
                    + m.metadata().get(dev.slim4j.train.trainer.Trainer.NORMALIZATION_KEY) + "' is not MEAN,STD; give --normalize MEAN,STD");
        }
    }

    private static int toInt(String option, long value) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new UsageException("--" + option + " expects an integer of at most " + Integer.MAX_VALUE + ", found " + value);
        }
        return (int) value;
    }

    private static <T> Supplier<T> memo(Supplier<T> s) {
        Object[] cell = new Object[1];
        return () -> {
            if (cell[0] == null) cell[0] = s.get();
            @SuppressWarnings("unchecked") T t = (T) cell[0];
            return t;
        };
    }

    private static OptionalDouble optional(String option, String text) {
        return text == null ? OptionalDouble.empty() : OptionalDouble.of(number(option, text));
    }

    private static double number(String option, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + option + " expects a number, found '" + text + "'");
        }
    }
}
