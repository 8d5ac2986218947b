package dev.slim4j.cli.quantize;

import dev.slim4j.cli.ArgParser;
import dev.slim4j.cli.JsonText;
import dev.slim4j.cli.UsageException;
import dev.slim4j.cli.zoo.ZooCommand;
import dev.slim4j.compress.quant.Accuracy;
import dev.slim4j.compress.quant.CalibrationData;
import dev.slim4j.compress.quant.CalibrationMethod;
import dev.slim4j.compress.quant.Granularity;
import dev.slim4j.compress.quant.Prepared;
import dev.slim4j.compress.quant.QuantConfig;
import dev.slim4j.compress.quant.QuantSpec;
import dev.slim4j.compress.quant.Quantizer;
import dev.slim4j.compress.quant.Symmetry;
import dev.slim4j.ir.Model;
import dev.slim4j.onnx.OnnxReader;
import dev.slim4j.train.data.FashionMnist;
import dev.slim4j.train.data.LoaderConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code slim4j quantize --table MODELS}: the table of Wu et al. 2020 ("Integer Quantization for Deep Learning
 * Inference", Table 3): per model, FP32 top-1 and INT8 top-1 with each calibrator (max, entropy, percentiles
 * 99.9 to 99.9999, MSE), on the Fashion-MNIST test split, as Markdown and JSON.
 */
final class CalibratorTable {
    /** The columns, in the paper's order (plus MSE). */
    static final List<CalibrationMethod> METHODS = List.of(CalibrationMethod.minMax(), CalibrationMethod.entropy(),
            CalibrationMethod.percentile(99.9), CalibrationMethod.percentile(99.99), CalibrationMethod.percentile(99.999),
            CalibrationMethod.percentile(99.9999), CalibrationMethod.mse());

    /** One model's row: FP32 top-1 and INT8 top-1 per method, in {@link #METHODS} order. */
    record Row(String model, double fp32, List<Double> int8) {
        double best() { return int8.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN); }

        double worst() { return int8.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN); }
    }

    int run(List<String> args, PrintStream out, PrintStream err) {
        ArgParser p = new ArgParser("quantize --table", "FP32 and INT8 top-1 per calibrator (Wu et al. 2020, Table 3) on Fashion-MNIST");
        var models = p.positional("MODELS", "comma-separated .onnx files or zoo names (lenet300, mlp500-bn, ... from the zoo cache)");
        var perTensor = p.flag("per-tensor", "one weight scale per tensor (default: per output channel)");
        var symmetric = p.flag("symmetric", "signed symmetric INT8 activations (default: unsigned asymmetric UINT8)");
        var calibSize = p.integer("calib-size", "N", "Fashion-MNIST training images to calibrate on (default 256)", 256L);
        var evalSize = p.integer("eval-size", "N", "Fashion-MNIST test images (default 10000, the whole split)", 10000L);
        var outFile = p.path("out", "FILE.md", "also write the Markdown table here and the JSON beside it (FILE.json)", null);
        var json = p.flag("json", "print JSON instead of Markdown");
        if (!p.parse(args)) {
            out.print(p.usage());
            return 0;
        }
        int calib = Math.toIntExact(calibSize.value()), eval = Math.toIntExact(evalSize.value());
        if (calib < 1) throw new UsageException("--calib-size must be at least 1, found " + calib);
        if (eval < 1) throw new UsageException("--eval-size must be at least 1, found " + eval);
        List<Path> files = new ArrayList<>();
        for (String m : models.value().split(",")) files.add(resolve(m.trim()));
        QuantConfig base = config(!perTensor.value(), symmetric.value());
        List<Row> rows = new ArrayList<>();
        for (Path f : files) rows.add(row(f, base, calib, eval, err));
        String md = markdown(rows, base, calib, eval);
        String js = JsonText.write(toJson(rows, base, calib, eval));
        if (outFile.value() != null) {
            write(outFile.value(), md);
            write(jsonBeside(outFile.value()), js + "\n");
        }
        out.print(json.value() ? js + "\n" : md);
        return 0;
    }

    static QuantConfig config(boolean perChannel, boolean symmetric) {
        QuantSpec a = QuantSpec.uint8Activations();
        if (symmetric) a = a.withSigned(true).withSymmetry(Symmetry.SYMMETRIC);
        return QuantConfig.defaults().withActivations(a)
                .withWeights(QuantSpec.int8Weights().withGranularity(perChannel ? Granularity.perOutputChannel() : Granularity.perTensor()));
    }

    private static Path resolve(String m) {
        Path p = Path.of(m);
        if (Files.isRegularFile(p)) return p;
        Path zoo = ZooCommand.defaultCache().resolve(m + ".onnx");
        if (!m.endsWith(".onnx") && Files.isRegularFile(zoo)) return zoo;
        throw new UsageException("no model file '" + m + "' and no " + zoo + " (build it with ./slim4j zoo build " + m + ")");
    }

    private static Row row(Path f, QuantConfig base, int calib, int eval, PrintStream err) {
        Model fp32 = OnnxReader.read(f);
        String name = f.getFileName().toString().replaceFirst("\\.onnx$", "");
        err.println(name + ": FP32 on " + eval + " test images ...");
        double fp = top1(fp32, eval);
        List<Double> int8 = new ArrayList<>();
        for (CalibrationMethod m : METHODS) {
            Quantizer q = new Quantizer(base.withMethod(m));
            Prepared prepared = q.prepare(fp32);
            Model quantized = q.convert(prepared, q.calibrate(prepared, CalibrationData.of(FashionMnist.train(), LoaderConfig.defaults(), calib)));
            double acc = top1(quantized, eval);
            err.printf(Locale.ROOT, "%s: %s %.2f%%%n", name, label(m), acc);
            int8.add(acc);
        }
        return new Row(name, fp, int8);
    }

    private static double top1(Model m, int eval) { return Accuracy.top1(m, FashionMnist.test(), LoaderConfig.defaults(), eval); }

    static String label(CalibrationMethod m) {
        return switch (m) {
            case CalibrationMethod.MinMax x -> "max";
            case CalibrationMethod.Percentile p -> p.percentile() + "%";
            default -> m.label();
        };
    }

    static String markdown(List<Row> rows, QuantConfig base, int calib, int eval) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Fashion-MNIST top-1 %% on %d test images; INT8: weights %s, activations %s, calibrated on %d"
                + " training images; best calibrator in bold%n%n", eval, base.weights() instanceof QuantSpec w ? w.describe() : "",
                base.activations().describe(), calib));
        sb.append("| model | FP32 |");
        for (CalibrationMethod m : METHODS) sb.append(' ').append(label(m)).append(" |");
        sb.append(" best - FP32 | worst - FP32 |\n|---|---|");
        sb.append("---|".repeat(METHODS.size() + 2)).append('\n');
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %s | %.2f |", r.model(), r.fp32()));
            for (double a : r.int8()) {
                String cell = String.format(Locale.ROOT, "%.2f", a);
                sb.append(' ').append(a == r.best() ? "**" + cell + "**" : cell).append(" |");
            }
            sb.append(String.format(Locale.ROOT, " %+.2f | %+.2f |%n", r.best() - r.fp32(), r.worst() - r.fp32()));
        }
        return sb.toString();
    }

    static Map<String, Object> toJson(List<Row> rows, QuantConfig base, int calib, int eval) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", "fashion-mnist");
        m.put("test_images", eval);
        m.put("calibration_images", calib);
        m.put("weights", base.weights() instanceof QuantSpec w ? w.describe() : "");
        m.put("activations", base.activations().describe());
        List<Object> list = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("model", r.model());
            row.put("fp32_top1", r.fp32());
            Map<String, Object> int8 = new LinkedHashMap<>();
            for (int i = 0; i < METHODS.size(); i++) int8.put(label(METHODS.get(i)), r.int8().get(i));
            row.put("int8_top1", int8);
            row.put("best_minus_fp32", r.best() - r.fp32());
            row.put("worst_minus_fp32", r.worst() - r.fp32());
            list.add(row);
        }
        m.put("models", list);
        return m;
    }

    private static Path jsonBeside(Path md) {
        String n = md.getFileName().toString();
        return md.resolveSibling((n.endsWith(".md") ? n.substring(0, n.length() - 3) : n) + ".json");
    }

    private static void write(Path file, String text) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
