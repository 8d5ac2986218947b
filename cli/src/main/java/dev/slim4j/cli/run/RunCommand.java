package dev.slim4j.cli.run;

import dev.slim4j.cli.ArgParser;
import dev.slim4j.cli.Command;
import dev.slim4j.cli.UsageException;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.Value;
import dev.slim4j.onnx.OnnxReader;
import dev.slim4j.runtime.Session;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.tensor.npy.NpyWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code slim4j run MODEL.onnx [--input NAME=FILE]... [--random] [--seed S] [--output DIR]}: runs a
 * model once with the reference runtime and prints each output's type and first values; with
 * {@code --output} writes each output as NAME.npy (atomically).
 */
public final class RunCommand implements Command {
    private static final int SHOWN = 8;

    @Override public String name() { return "run"; }

    @Override public String summary() { return "run a model on .npy/.pb inputs or random inputs and print or save its outputs"; }

    @Override public int run(List<String> args, PrintStream out, PrintStream err) {
        ArgParser p = new ArgParser(name(), summary());
        var model = p.positional("MODEL.onnx", "the model to run");
        var inputs = p.repeatedString("input", "NAME=FILE", "an input from a .npy or .pb (TensorProto) file; repeatable");
        var random = p.flag("random", "random values for every input not given with --input (symbolic dims = 1)");
        var seed = p.integer("seed", "S", "seed for --random (default 0)", 0L);
        var output = p.path("output", "DIR", "write each output as DIR/NAME.npy", null);
        if (!p.parse(args)) {
            out.print(p.usage());
            return 0;
        }
        if (seed.present() && !random.value()) throw new UsageException("--seed only applies with --random");
        Path file = Path.of(model.value());
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("model file " + file + " does not exist");
        Model m = OnnxReader.read(file);
        try (Session session = Session.create(m)) {
            Map<String, Tensor> feeds = feeds(session, InputFiles.read(inputs.values()), random.value(), seed.value());
            long start = System.nanoTime();
            Map<String, Tensor> results = session.run(feeds);
            double ms = (System.nanoTime() - start) / 1e6;
            for (var e : results.entrySet()) out.println(describe(e.getKey(), e.getValue()));
            out.printf("ran in %.1f ms%n", ms);
            if (output.value() != null) save(results, output.value(), out);
        }
        return 0;
    }

    private static Map<String, Tensor> feeds(Session session, Map<String, Tensor> given, boolean random, long seed) {
        List<String> expected = session.inputs().stream().map(Value::name).toList();
        for (String name : given.keySet()) {
            if (!expected.contains(name)) {
                throw new IllegalArgumentException("unknown input '" + name + "', expected one of " + expected);
            }
        }
        Map<String, Tensor> feeds = new LinkedHashMap<>(given);
        RandomInputs generator = new RandomInputs(seed);
        for (Value v : session.inputs()) {
            if (feeds.containsKey(v.name())) continue;
            if (!random) {
                throw new IllegalArgumentException("missing input '" + v.name() + "' of type " + v.type()
                        + "; give it with --input " + v.name() + "=FILE or use --random (inputs: " + expected + ")");
            }
            feeds.put(v.name(), generator.forInput(v));
        }
        return feeds;
    }

    static String describe(String name, Tensor t) {
        StringBuilder sb = new StringBuilder(name).append(": ").append(t.dtype().name().toLowerCase())
                .append(t.shape()).append(" [");
        long n = Math.min(SHOWN, t.size());
        for (long i = 0; i < n; i++) {
            if (i > 0) sb.append(", ");
            sb.append(t.dtype().isFloatingPoint() ? String.format("%.6g", t.getDouble(i)) : Long.toString(t.getLong(i)));
        }
        return sb.append(t.size() > SHOWN ? ", ...]" : "]").toString();
    }

    private static void save(Map<String, Tensor> results, Path dir, PrintStream out) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output folder " + dir + ": " + e.getMessage(), e);
        }
        for (var e : results.entrySet()) {
            Path f = dir.resolve(fileName(e.getKey()));
            NpyWriter.write(e.getValue(), f);
            out.println("wrote " + f);
        }
    }

    /** The output name made safe as a file name: characters other than letters, digits, '.', '_', '-' become '_'. */
    static String fileName(String outputName) {
        String safe = outputName.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.isEmpty() || safe.startsWith(".")) safe = "_" + safe;
        return safe + ".npy";
    }
}
