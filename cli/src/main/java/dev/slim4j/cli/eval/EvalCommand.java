package dev.slim4j.cli.eval;

import dev.slim4j.cli.ArgParser;
import dev.slim4j.cli.Command;
import dev.slim4j.cli.DataOptions;
import dev.slim4j.cli.JsonText;
import dev.slim4j.cli.UsageException;
import dev.slim4j.cli.train.TrainCommand;
import dev.slim4j.ir.Model;
import dev.slim4j.onnx.OnnxReader;
import dev.slim4j.train.data.Dataset;
import dev.slim4j.train.data.FashionMnist;
import dev.slim4j.train.data.Normalization;
import dev.slim4j.train.metric.ConfusionMatrix;
import dev.slim4j.train.trainer.Evaluation;
import dev.slim4j.train.trainer.Evaluator;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code slim4j eval MODEL.onnx --dataset fashion-mnist [--json]}: top-1, top-5, mean cross-entropy,
 * per-class accuracy and the confusion matrix on the test split. Inputs are normalized as
 * {@code --normalize} says, else as the model's slim4j metadata says, else with Fashion-MNIST's mean and std.
 */
public final class EvalCommand implements Command {
    @Override public String name() { return "eval"; }

    @Override public String summary() { return "measure a classifier on a data set's test split"; }

    @Override public int run(List<String> args, PrintStream out, PrintStream err) {
        ArgParser p = new ArgParser(name(), summary());
        var file = p.positional("MODEL.onnx", "the model to measure");
        DataOptions data = new DataOptions(p);
        var batch = p.integer("batch", "N", "batch size", 256L);
        var threads = p.integer("threads", "N", "threads", (long) Runtime.getRuntime().availableProcessors());
        var json = p.flag("json", "print the result as JSON");
        if (!p.parse(args)) {
            out.print(p.usage());
            return 0;
        }
        data.check();
        if (batch.value() < 1 || batch.value() > 65536) throw new UsageException("--batch must lie in [1, 65536], found " + batch.value());
        if (threads.value() < 1 || threads.value() > 1024) throw new UsageException("--threads must lie in [1, 1024], found " + threads.value());
        Path path = Path.of(file.value());
        if (!Files.isRegularFile(path)) throw new UsageException("no such model file: " + path);
        Model model = OnnxReader.read(path);
        Normalization n = data.normalization(TrainCommand.normalizationOf(model));
        Dataset test = data.test();
        Evaluation e = Evaluator.evaluate(model, test, n, batch.value().intValue(), threads.value().intValue());
        if (json.value()) out.println(JsonText.write(toJson(path, data.datasetName(), n, e)));
        else print(out, path, data.datasetName(), n, e);
        return 0;
    }

    static Map<String, Object> toJson(Path path, String dataset, Normalization n, Evaluation e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", path.toString());
        m.put("dataset", dataset);
        m.put("normalization", List.of(n.mean(), n.std()));
        m.put("examples", e.examples());
        m.put("top1", e.top1());
        m.put("top5", e.top5());
        m.put("loss", e.loss());
        ConfusionMatrix cm = e.metrics().confusion();
        double[] perClass = e.metrics().perClassAccuracy();
        List<Object> classes = new ArrayList<>();
        List<Object> matrix = new ArrayList<>();
        for (int c = 0; c < cm.classCount(); c++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("class", c);
            row.put("name", className(c));
            row.put("accuracy", perClass[c]);
            row.put("support", cm.support(c));
            classes.add(row);
            List<Long> counts = new ArrayList<>();
            for (int q = 0; q < cm.classCount(); q++) counts.add(cm.count(c, q));
            matrix.add(counts);
        }
        m.put("per_class", classes);
        m.put("confusion_matrix", matrix);
        m.put("seconds", e.seconds());
        return m;
    }

    private static void print(PrintStream out, Path path, String dataset, Normalization n, Evaluation e) {
        out.printf(Locale.ROOT, "%s on %s test (%d images, normalization %.4f,%.4f)%n", path, dataset, e.examples(),
                n.mean(), n.std());
        out.printf(Locale.ROOT, "top-1 %.2f%%  top-5 %.2f%%  loss %.4f%n", 100 * e.top1(), 100 * e.top5(), e.loss());
        ConfusionMatrix cm = e.metrics().confusion();
        double[] perClass = e.metrics().perClassAccuracy();
        out.printf("%-3s %-12s %9s %8s%n", "#", "class", "accuracy", "support");
        for (int c = 0; c < cm.classCount(); c++) {
            out.printf(Locale.ROOT, "%-3d %-12s %8.2f%% %8d%n", c, className(c), 100 * perClass[c], cm.support(c));
        }
        out.println("confusion matrix (rows: true class, columns: predicted):");
        out.print(cm);
    }

    private static String className(int c) {
        return c < FashionMnist.CLASS_NAMES.size() ? FashionMnist.CLASS_NAMES.get(c) : Integer.toString(c);
    }
}
