package dev.slim4j.cli.quantize;

import dev.slim4j.cli.UsageException;
import dev.slim4j.compress.quant.Accuracy;
import dev.slim4j.compress.quant.CalibrationData;
import dev.slim4j.compress.quant.Mode;
import dev.slim4j.compress.quant.Prepared;
import dev.slim4j.compress.quant.QuantConfig;
import dev.slim4j.compress.quant.Quantizer;
import dev.slim4j.compress.quant.ScaleFile;
import dev.slim4j.compress.quant.ScaleTable;
import dev.slim4j.compress.quant.Sensitivity;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Runs one quantize request: prepare, calibrate (or read scales), convert, optional sensitivity and fallback, write, report. */
final class QuantizeJob {
    private final QuantizeRequest r;
    private final PrintStream out;
    private final PrintStream err;

    QuantizeJob(QuantizeRequest request, PrintStream out, PrintStream err) {
        this.r = request;
        this.out = out;
        this.err = err;
    }

    int run() {
        if (!Files.isRegularFile(r.model())) throw new IllegalArgumentException("model file " + r.model() + " does not exist");
        if ((r.sensitivity() || r.maxDrop().isPresent()) && (!r.fashionMnist() || r.evalSize() < 1)) {
            throw new UsageException("--sensitivity and --max-accuracy-drop measure accuracy: give --calib fashion-mnist and --eval-size >= 1");
        }
        Model fp32 = OnnxReader.read(r.model());
        QuantConfig config = r.options().config(fp32.graph());
        Quantizer quantizer = new Quantizer(config);
        Prepared prepared = quantizer.prepare(fp32);
        ScaleTable table = scaleTable(quantizer, prepared);
        Model quantized = quantizer.convert(prepared, table);
        Optional<SensitivityReport> ranking = Optional.empty();
        if (r.sensitivity() || r.maxDrop().isPresent()) {
            AccuracyAware aware = new AccuracyAware(quantizer, prepared, table, r.evalSize(), err);
            ranking = Optional.of(aware.sensitivity());
            ranking.get().write(SensitivityReport.besideModel(r.out()));
            if (r.maxDrop().isPresent()) {
                Sensitivity.Fallback f = aware.fallback(r.maxDrop().getAsDouble(), ranking.get(), out);
                quantized = f.model();
                prepared = new Quantizer(config.withExcluded(new LinkedHashSet<>(f.floatNodes()), Set.of())).prepare(fp32);
            }
        }
        OnnxWriter.write(quantized, r.out());
        Optional<Path> scaleFile = Optional.empty();
        if (config.mode() == Mode.STATIC) {
            scaleFile = Optional.of(ScaleFile.besideModel(r.out()));
            ScaleFile.write(table, scaleFile.get());
        }
        report(new QuantizeReport(r.model(), r.out(), scaleFile, config, prepared, fp32, quantized, size(r.model()), size(r.out())),
                fp32, ranking);
        return 0;
    }

    private void report(QuantizeReport report, Model fp32, Optional<SensitivityReport> ranking) {
        if (r.fashionMnist() && r.evalSize() > 0) {
            err.println("evaluating FP32 and quantized models on " + r.evalSize() + " Fashion-MNIST test images ...");
            report = report.withAccuracy(top1(fp32), top1(OnnxReader.read(r.out())), r.evalSize());
        }
        report = report.withSensitivity(ranking);
        if (r.json()) report.printJson(out);
        else report.printTable(out);
    }

    private double top1(Model m) { return Accuracy.top1(m, FashionMnist.test(), LoaderConfig.defaults(), r.evalSize()); }

    private ScaleTable scaleTable(Quantizer q, Prepared prepared) {
        if (r.scales().isPresent()) return ScaleFile.read(r.scales().get());
        if (q.config().mode() != Mode.STATIC) return q.calibrate(prepared, CalibrationData.of(List.of()));
        String calib = r.calib().orElseThrow(() -> new UsageException("static quantization needs --calib fashion-mnist|DIR or --scales FILE.json"));
        CalibrationData data;
        if (r.fashionMnist()) {
            if (r.calibSize() < 1) throw new UsageException("--calib-size must be at least 1, found " + r.calibSize());
            data = CalibrationData.of(FashionMnist.train(), LoaderConfig.defaults(), r.calibSize());
            err.println("calibrating (" + q.config().method().label() + ") on " + r.calibSize() + " Fashion-MNIST training images ...");
        } else {
            data = CalibrationData.folder(Path.of(calib));
            err.println("calibrating (" + q.config().method().label() + ") on the inputs in " + calib + " ...");
        }
        return q.calibrate(prepared, data);
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }
}
