package dev.slim4j.cli.quantize;

import dev.slim4j.cli.ArgParser;
import dev.slim4j.cli.Command;
import dev.slim4j.cli.UsageException;
import dev.slim4j.compress.quant.Accuracy;
import dev.slim4j.compress.quant.CalibrationData;
import dev.slim4j.compress.quant.Mode;
import dev.slim4j.compress.quant.Prepared;
import dev.slim4j.compress.quant.QuantConfig;
import dev.slim4j.compress.quant.Quantizer;
import dev.slim4j.compress.quant.ScaleFile;
import dev.slim4j.compress.quant.ScaleTable;
import dev.slim4j.ir.Model;
import dev.slim4j.onnx.OnnxReader;
import dev.slim4j.onnx.OnnxWriter;
import dev.slim4j.train.data.FashionMnist;
import dev.slim4j.train.data.LoaderConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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
        ArgParser p = new ArgParser(name(), summary());
        var model = p.positional("MODEL.onnx", "the FP32 model");
        var calib = p.string("calib", "fashion-mnist|DIR", "calibration data: the Fashion-MNIST training set, or a folder of .npy/.pb inputs", null);
        var method = p.string("method", "NAME", "calibration: minmax, moving-average, percentile, entropy or mse (default minmax)", "minmax");
        var percentile = p.string("percentile", "P", "percentile for --method percentile, 99.9 to 99.9999 (default 99.99)", "99.99");
        var perChannel = p.flag("per-channel", "one weight scale per output channel (default: per tensor)");
        var symmetric = p.flag("symmetric", "signed symmetric activations (default: unsigned asymmetric)");
        var bits = p.integer("bits", "N", "integer bits, 2 to 8 (default 8)", 8L);
        var mode = p.string("mode", "MODE", "static (default), weight-only or dynamic", "static");
        var weights = p.string("weights", "FORMAT", "int (default), fp16 or bf16 (weight-only)", "int");
        var exclude = p.repeatedString("exclude", "NAME,...", "node names or op types to keep in float");
        var calibSize = p.integer("calib-size", "N", "calibration examples from Fashion-MNIST (default 256)", 256L);
        var evalSize = p.integer("eval-size", "N", "Fashion-MNIST test images for accuracy, 0 to skip (default 10000)", 10000L);
        var scales = p.path("scales", "FILE.json", "re-quantize with this scale file instead of calibrating", null);
        var outFile = p.path("out", "OUT.onnx", "where to write the quantized model (required)", null);
        var json = p.flag("json", "print JSON instead of tables");
        if (!p.parse(args)) {
            out.print(p.usage());
            return 0;
        }
        if (outFile.value() == null) throw new UsageException("missing --out OUT.onnx");
        Path in = Path.of(model.value());
        if (!Files.isRegularFile(in)) throw new IllegalArgumentException("model file " + in + " does not exist");
        Model fp32 = OnnxReader.read(in);
        QuantizeOptions o = new QuantizeOptions(mode.value(), weights.value(), method.value(), parsePercentile(percentile.value()),
                perChannel.value(), symmetric.value(), bits.value(), exclude.values());
        QuantConfig config = o.config(fp32.graph());
        Quantizer quantizer = new Quantizer(config);
        Prepared prepared = quantizer.prepare(fp32);
        ScaleTable table = scaleTable(quantizer, prepared, calib.value(), scales.value(), calibSize.value(), err);
        Model int8 = quantizer.convert(prepared, table);
        OnnxWriter.write(int8, outFile.value());
        Optional<Path> scaleFile = Optional.empty();
        if (config.mode() == Mode.STATIC) {
            scaleFile = Optional.of(ScaleFile.besideModel(outFile.value()));
            ScaleFile.write(table, scaleFile.get());
        }
        QuantizeReport report = new QuantizeReport(in, outFile.value(), scaleFile, config, prepared, fp32, int8, size(in), size(outFile.value()));
        if (FASHION_MNIST.equals(calib.value()) && evalSize.value() > 0) {
            err.println("evaluating FP32 and quantized models on " + evalSize.value() + " Fashion-MNIST test images ...");
            int n = Math.toIntExact(evalSize.value());
            report = report.withAccuracy(Accuracy.top1(fp32, FashionMnist.test(), LoaderConfig.defaults(), n),
                    Accuracy.top1(OnnxReader.read(outFile.value()), FashionMnist.test(), LoaderConfig.defaults(), n), n);
        }
        if (json.value()) report.printJson(out);
        else report.printTable(out);
        return 0;
    }

    private static ScaleTable scaleTable(Quantizer q, Prepared prepared, String calib, Path scales, long size, PrintStream err) {
        if (scales != null) return ScaleFile.read(scales);
        if (q.config().mode() != Mode.STATIC) return q.calibrate(prepared, CalibrationData.of(List.of()));
        if (calib == null) throw new UsageException("static quantization needs --calib fashion-mnist|DIR or --scales FILE.json");
        CalibrationData data;
        if (calib.equals(FASHION_MNIST)) {
            if (size < 1) throw new UsageException("--calib-size must be at least 1, found " + size);
            data = CalibrationData.of(FashionMnist.train(), LoaderConfig.defaults(), Math.toIntExact(size));
            err.println("calibrating (" + q.config().method().label() + ") on " + size + " Fashion-MNIST training images ...");
        } else {
            data = CalibrationData.folder(Path.of(calib));
            err.println("calibrating (" + q.config().method().label() + ") on the inputs in " + calib + " ...");
        }
        return q.calibrate(prepared, data);
    }

    private static double parsePercentile(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new UsageException("--percentile expects a number, found '" + s + "'");
        }
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }
}
