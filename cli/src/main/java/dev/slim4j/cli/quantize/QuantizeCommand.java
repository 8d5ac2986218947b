package dev.slim4j.cli.quantize;

import dev.slim4j.cli.ArgParser;
import dev.slim4j.cli.Command;
import dev.slim4j.cli.UsageException;
import dev.slim4j.compress.quant.MixedPrecision;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@code slim4j quantize MODEL.onnx --calib fashion-mnist|DIR --method ... --out OUT.onnx}: post-training
 * quantization to QDQ ONNX (or weight-only, FP16/BF16, dynamic), with the scale file written beside the output.
 */
public final class QuantizeCommand implements Command {
    /** The --calib value that selects the Fashion-MNIST training set (and the test set for accuracy). */
    public static final String FASHION_MNIST = "fashion-mnist";

    @Override public String name() { return "quantize"; }

    @Override public String summary() { return "post-training quantization to QDQ ONNX (INT8 and lower, FP16/BF16 weights, dynamic)"; }

    @Override public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--table")) return new CalibratorTable().run(args.stream().filter(a -> !a.equals("--table")).toList(), out, err);
        ArgParser p = new ArgParser(name(), summary());
        var model = p.positional("MODEL.onnx", "the FP32 model");
        p.flag("table", "instead: the calibrator table (FP32 and INT8 per calibrator) of several models, see quantize --table --help");
        var calib = p.string("calib", "fashion-mnist|data-free|DIR", "calibration data: the Fashion-MNIST training set, inputs synthesized from the model's BatchNorm statistics, or a folder of .npy/.pb inputs", null);
        var method = p.string("method", "NAME", "calibration: minmax, moving-average, percentile, entropy or mse (default minmax)", "minmax");
        var percentile = p.string("percentile", "P", "percentile for --method percentile, 99.9 to 99.9999 (default 99.99)", "99.99");
        var perChannel = p.flag("per-channel", "one weight scale per output channel (default: per tensor)");
        var symmetric = p.flag("symmetric", "signed symmetric activations (default: unsigned asymmetric)");
        var bits = p.integer("bits", "N", "integer bits, 2 to 8 (default 8)", 8L);
        var mode = p.string("mode", "MODE", "static (default), weight-only or dynamic", "static");
        var weights = p.string("weights", "FORMAT", "int (default), fp16 or bf16 (weight-only)", "int");
        var exclude = p.repeatedString("exclude", "NAME,...", "node names or op types to keep in float");
        var calibSize = p.integer("calib-size", "N", "calibration examples from Fashion-MNIST, or inputs to synthesize (default 256)", 256L);
        var evalSize = p.integer("eval-size", "N", "Fashion-MNIST test images for accuracy, 0 to skip (default 10000)", 10000L);
        var sensitivity = p.flag("sensitivity", "measure the accuracy drop of each node quantized alone (needs --calib fashion-mnist or data-free)");
        var maxDrop = p.string("max-accuracy-drop", "POINTS", "keep the most sensitive nodes in float until top-1 drops at most this much", null);
        var dataFreeSteps = p.integer("data-free-steps", "N", "Adam steps per batch of 32 synthesized inputs (default 200)", 200L);
        var budget = p.string("size-budget", "BYTES|RATIO", "mixed precision: pick weight bits per node so that the packed model holds at most BYTES, or RATIO (0.2, or 5x) of the FP32 bytes", null);
        var choices = p.string("bits-choices", "B,B,...", "candidate weight bits for --size-budget, 2 to 8, and float (default 8,6,4,2)", "8,6,4,2");
        var latencyBatch = p.integer("latency-batch", "N", "time FP32 and quantized at this batch (1 thread) and warn if not faster; 0 skips (default 32)", 32L);
        var scales = p.path("scales", "FILE.json", "re-quantize with this scale file instead of calibrating", null);
        var outFile = p.path("out", "OUT.onnx", "where to write the quantized model (required)", null);
        var json = p.flag("json", "print JSON instead of tables");
        if (!p.parse(args)) {
            out.print(p.usage());
            return 0;
        }
        if (outFile.value() == null) throw new UsageException("missing --out OUT.onnx");
        QuantizeOptions o = new QuantizeOptions(mode.value(), weights.value(), method.value(), parsePercentile(percentile.value()),
                perChannel.value(), symmetric.value(), bits.value(), exclude.values());
        QuantizeRequest request = new QuantizeRequest(Path.of(model.value()), outFile.value(), o, Optional.ofNullable(calib.value()),
                Optional.ofNullable(scales.value()), Math.toIntExact(calibSize.value()), Math.toIntExact(evalSize.value()),
                sensitivity.value(), maxDrop.value() == null ? OptionalDouble.empty() : OptionalDouble.of(parseDrop(maxDrop.value())),
                json.value(), Math.toIntExact(dataFreeSteps.value()),
                Optional.ofNullable(budget.value()).map(SizeBudget::parse), parseChoices(choices.value()),
                Math.toIntExact(latencyBatch.value()));
        if (request.sizeBudget().isPresent() && request.maxDrop().isPresent()) {
            throw new UsageException("--size-budget and --max-accuracy-drop both choose what stays in float: give one of them");
        }
        if (request.latencyBatch() < 0) throw new UsageException("--latency-batch must be >= 0, found " + request.latencyBatch());
        if (request.dataFreeSteps() < 0) throw new UsageException("--data-free-steps must be >= 0, found " + request.dataFreeSteps());
        return new QuantizeJob(request, out, err).run();
    }

    private static List<Integer> parseChoices(String s) {
        List<Integer> out = new ArrayList<>();
        for (String item : s.split(",")) {
            String x = item.trim();
            if (x.equals("float")) {
                out.add(MixedPrecision.FLOAT);
                continue;
            }
            try {
                int b = Integer.parseInt(x);
                if (b < 2 || b > 8) throw new UsageException("--bits-choices takes bit widths 2 to 8 and float, found " + b);
                out.add(b);
            } catch (NumberFormatException e) {
                throw new UsageException("--bits-choices takes bit widths 2 to 8 and float, found '" + x + "'");
            }
        }
        if (out.isEmpty()) throw new UsageException("--bits-choices is empty");
        return out;
    }

    private static double parseDrop(String s) {
        try {
            double d = Double.parseDouble(s);
            if (!(d >= 0 && d <= 100)) throw new UsageException("--max-accuracy-drop expects points in [0, 100], found " + s);
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException("--max-accuracy-drop expects a number of points, found '" + s + "'");
        }
    }

    private static double parsePercentile(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new UsageException("--percentile expects a number, found '" + s + "'");
        }
    }
}
