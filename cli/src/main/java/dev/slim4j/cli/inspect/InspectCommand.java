package dev.slim4j.cli.inspect;

import dev.slim4j.cli.ArgParser;
import dev.slim4j.cli.Command;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.metrics.ModelMetrics;
import dev.slim4j.onnx.OnnxReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code slim4j inspect MODEL.onnx [--json]}: per-node table and totals of parameters, MACs, bytes, peak activations. */
public final class InspectCommand implements Command {
    @Override public String name() { return "inspect"; }

    @Override public String summary() { return "show a model's nodes, parameters, MACs, size and peak activation memory"; }

    @Override public int run(List<String> args, PrintStream out, PrintStream err) {
        ArgParser p = new ArgParser(name(), summary());
        var model = p.positional("MODEL.onnx", "the model to inspect");
        var json = p.flag("json", "print JSON instead of tables");
        if (!p.parse(args)) {
            out.print(p.usage());
            return 0;
        }
        Path file = Path.of(model.value());
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("model file " + file + " does not exist");
        Model m = OnnxReader.read(file);
        InspectReport report = new InspectReport(file.toString(), m, ModelMetrics.measure(m), bytesOnDisk(file));
        if (json.value()) report.printJson(out);
        else report.printTable(out);
        return 0;
    }

    private static long bytesOnDisk(Path file) {
        try {
            return ExternalDataFiles.bytesOnDisk(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
