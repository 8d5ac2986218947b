package dev.slim4j.cli.quantize;

import dev.slim4j.cli.UsageException;
import dev.slim4j.cli.train.TrainCommand;
import dev.slim4j.compress.quant.Accuracy;
import dev.slim4j.compress.quant.CalibrationData;
import dev.slim4j.compress.quant.DataFreeInputs;
import dev.slim4j.compress.quant.MixedPrecision;
import dev.slim4j.compress.quant.Mode;
import dev.slim4j.compress.quant.ModelSize;
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
import dev.slim4j.train.data.Normalization;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Runs one quantize request: prepare, calibrate (or read scales), convert, optional sensitivity, fallback or mixed precision, write, report. */
final class QuantizeJob {
    private final QuantizeRequest r;
    private final PrintStream out;
    private final PrintStream err;
    private String calibration = "";

    QuantizeJob(QuantizeRequest request, PrintStream out, PrintStream err) {
        this.r = request;
        this.out = out;
        this.err = err;
    }

    int run() {
        if (!Files.isRegularFile(r.model())) throw new IllegalArgumentException("model file " + r.model() + " does not exist");
        if ((r.sensitivity() || r.maxDrop().isPresent() || r.sizeBudget().isPresent()) && !r.measuresAccuracy()) {
            throw new UsageException("--sensitivity, --max-accuracy-drop and --size-budget measure accuracy: give --calib fashion-mnist"
                    + " or data-free, and --eval-size >= 1");
        }
        Model fp32 = OnnxReader.read(r.model());
        QuantConfig config = r.options().config(fp32.graph());
        if (r.sizeBudget().isPresent() && config.mode() != Mode.STATIC) {
            throw new UsageException("--size-budget picks bits for static quantization, found --mode " + config.mode().name().toLowerCase(Locale.ROOT));
        }
        Quantizer quantizer = new Quantizer(config);
        Prepared prepared = quantizer.prepare(fp32);
        ScaleTable table = scaleTable(quantizer, prepared, fp32);
        Model quantized = quantizer.convert(prepared, table);
        Optional<SensitivityReport> ranking = Optional.empty();
        Optional<MixedPrecisionReport> mixed = Optional.empty();
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
        if (r.sizeBudget().isPresent()) {
            long fp32Bytes = ModelSize.of(fp32).initializerBytes();
            long budget = r.sizeBudget().get().bytesFor(fp32Bytes);
            MixedPrecision mp = new MixedPrecision(quantizer, this::top1);
            List<String> labels = r.bitChoices().stream().map(b -> b == MixedPrecision.FLOAT ? "float" : b + " bits").toList();
            err.println("mixed precision: scoring " + prepared.targets().size() + " nodes at " + labels + " on " + r.evalSize()
                    + " test images ...");
            MixedPrecision.Table t = mp.measure(prepared, table, r.bitChoices());
            MixedPrecision.Result res = mp.apply(prepared, table, MixedPrecision.choose(t, budget), budget);
            mixed = Optional.of(new MixedPrecisionReport(fp32Bytes, budget, t, res));
            quantized = res.model();
            prepared = new Quantizer(config.withExcluded(res.assignment().floatNodes(), Set.of())
                    .withWeightBits(res.assignment().integerBits())).prepare(fp32);
        }
        OnnxWriter.write(quantized, r.out());
        Optional<Path> scaleFile = Optional.empty();
        if (config.mode() == Mode.STATIC) {
            scaleFile = Optional.of(ScaleFile.besideModel(r.out()));
            ScaleFile.write(table, scaleFile.get());
        }
        QuantizeReport report = new QuantizeReport(r.model(), r.out(), scaleFile, config, prepared, fp32, quantized, size(r.model()),
                size(r.out())).withCalibration(calibration).withMixedPrecision(mixed);
        report(report, fp32, ranking);
        return 0;
    }

    private void report(QuantizeReport report, Model fp32, Optional<SensitivityReport> ranking) {
        Model written = r.measuresAccuracy() || r.latencyBatch() > 0 ? OnnxReader.read(r.out()) : null;
        if (r.measuresAccuracy()) {
            err.println("evaluating FP32 and quantized models on " + r.evalSize() + " Fashion-MNIST test images ...");
            report = report.withAccuracy(top1(fp32), top1(written), r.evalSize());
        }
        report = report.withSensitivity(ranking);
        if (r.latencyBatch() > 0) {
            err.println("timing FP32 and quantized at batch " + r.latencyBatch() + " ...");
            report = report.withLatency(LatencyCheck.measure(fp32, written, r.latencyBatch()));
        }
        if (r.json()) report.printJson(out);
        else report.printTable(out);
    }

    private double top1(Model m) { return Accuracy.top1(m, FashionMnist.test(), LoaderConfig.defaults(), r.evalSize()); }

    private ScaleTable scaleTable(Quantizer q, Prepared prepared, Model fp32) {
        if (r.scales().isPresent()) return ScaleFile.read(r.scales().get());
        if (q.config().mode() != Mode.STATIC) return q.calibrate(prepared, CalibrationData.of(List.of()));
        String calib = r.calib().orElseThrow(() -> new UsageException(
                "static quantization needs --calib fashion-mnist|data-free|DIR or --scales FILE.json"));
        if (r.calibSize() < 1 && (r.fashionMnist() || r.dataFree())) {
            throw new UsageException("--calib-size must be at least 1, found " + r.calibSize());
        }
        CalibrationData data;
        if (r.fashionMnist()) {
            data = CalibrationData.of(FashionMnist.train(), LoaderConfig.defaults(), r.calibSize());
            calibration = r.calibSize() + " Fashion-MNIST training images";
        } else if (r.dataFree()) {
            data = dataFree(fp32);
        } else {
            data = CalibrationData.folder(Path.of(calib));
            calibration = "the inputs in " + calib;
        }
        err.println("calibrating (" + q.config().method().label() + ") on " + calibration + " ...");
        return q.calibrate(prepared, data);
    }

    /** Inputs synthesized from the BatchNorm statistics of the unfolded model, kept within the normalized image range [0, 1]. */
    private CalibrationData dataFree(Model fp32) {
        Normalization n = TrainCommand.normalizationOf(fp32);
        float low = n.apply(0f), high = n.apply(1f);
        err.printf(Locale.ROOT, "data-free: synthesizing %d inputs in [%.3f, %.3f] (%d Adam steps per batch of 32) ...%n",
                r.calibSize(), low, high, r.dataFreeSteps());
        DataFreeInputs.Result res = new DataFreeInputs(fp32, low, high)
                .synthesize(DataFreeInputs.Settings.defaults().withImages(r.calibSize()).withSteps(r.dataFreeSteps()));
        calibration = String.format(Locale.ROOT, "%d data-free inputs (BatchNorm statistics loss %.4g -> %.4g)", r.calibSize(),
                res.initialLoss(), res.finalLoss());
        return res.data();
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }
}
