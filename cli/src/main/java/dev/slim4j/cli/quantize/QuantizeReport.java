package dev.slim4j.cli.quantize;

import dev.slim4j.cli.JsonText;
import dev.slim4j.compress.quant.HalfPrecision;
import dev.slim4j.compress.quant.ModelSize;
import dev.slim4j.compress.quant.Prepared;
import dev.slim4j.compress.quant.QuantConfig;
import dev.slim4j.compress.quant.QuantSpec;
import dev.slim4j.compress.quant.Target;
import dev.slim4j.ir.Model;
import dev.slim4j.kernels.Kernels;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** What {@code slim4j quantize} did: the nodes quantized and left in float, sizes, and accuracy when measured. */
record QuantizeReport(Path input, Path output, Optional<Path> scaleFile, QuantConfig config, Prepared prepared,
                      Model before, Model after, long fileBefore, long fileAfter,
                      OptionalDouble accuracyBefore, OptionalDouble accuracyAfter, int evaluated,
                      Optional<SensitivityReport> sensitivity, String calibration, Optional<MixedPrecisionReport> mixedPrecision,
                      Optional<LatencyCheck> latency) {
    QuantizeReport(Path input, Path output, Optional<Path> scaleFile, QuantConfig config, Prepared prepared, Model before,
                   Model after, long fileBefore, long fileAfter) {
        this(input, output, scaleFile, config, prepared, before, after, fileBefore, fileAfter, OptionalDouble.empty(),
                OptionalDouble.empty(), 0, Optional.empty(), "", Optional.empty(), Optional.empty());
    }

    QuantizeReport withAccuracy(double fp32, double quantized, int count) {
        return new QuantizeReport(input, output, scaleFile, config, prepared, before, after, fileBefore, fileAfter,
                OptionalDouble.of(fp32), OptionalDouble.of(quantized), count, sensitivity, calibration, mixedPrecision, latency);
    }

    QuantizeReport withSensitivity(Optional<SensitivityReport> s) {
        return new QuantizeReport(input, output, scaleFile, config, prepared, before, after, fileBefore, fileAfter,
                accuracyBefore, accuracyAfter, evaluated, s, calibration, mixedPrecision, latency);
    }

    QuantizeReport withCalibration(String c) {
        return new QuantizeReport(input, output, scaleFile, config, prepared, before, after, fileBefore, fileAfter,
                accuracyBefore, accuracyAfter, evaluated, sensitivity, c, mixedPrecision, latency);
    }

    QuantizeReport withMixedPrecision(Optional<MixedPrecisionReport> mp) {
        return new QuantizeReport(input, output, scaleFile, config, prepared, before, after, fileBefore, fileAfter,
                accuracyBefore, accuracyAfter, evaluated, sensitivity, calibration, mp, latency);
    }

    QuantizeReport withLatency(Optional<LatencyCheck> l) {
        return new QuantizeReport(input, output, scaleFile, config, prepared, before, after, fileBefore, fileAfter,
                accuracyBefore, accuracyAfter, evaluated, sensitivity, calibration, mixedPrecision, l);
    }

    void printTable(PrintStream out) {
        out.printf("%s -> %s (%s)%n", input, output, after.metadata().getOrDefault("slim4j.quantization", ""));
        scaleFile.ifPresent(f -> out.println("scale file: " + f));
        if (!calibration.isEmpty()) out.println("calibrated on " + calibration);
        out.printf("%-28s %-8s %s%n", "node", "op", "weights");
        for (Target t : prepared.targets()) out.printf("%-28s %-8s %s%n", t.node().name(), t.node().op().opType(), weights(t));
        for (String s : prepared.skipped()) out.printf("  float: %s%n", s);
        if (prepared.targets().isEmpty()) out.println("  (no node quantized)");
        ModelSize b = ModelSize.of(before), a = ModelSize.of(after);
        out.printf("file bytes      %,12d -> %,12d  (%.2fx smaller)%n", fileBefore, fileAfter, (double) fileBefore / fileAfter);
        out.printf("weight bytes    %,12d -> %,12d  (%.2fx smaller)%n", b.weightBytes(), a.weightBytes(), ratio(b.weightBytes(), a.weightBytes()));
        out.printf("initializers    %,12d -> %,12d  (%.2fx smaller)%n", b.initializerBytes(), a.initializerBytes(),
                ratio(b.initializerBytes(), a.initializerBytes()));
        out.printf("packed bytes    %,12d -> %,12d  (%.2fx smaller; weights below 8 bits counted bit-packed)%n", b.packedBytes(),
                a.packedBytes(), ratio(b.packedBytes(), a.packedBytes()));
        if (accuracyBefore.isPresent()) {
            out.printf("top-1 on %d Fashion-MNIST test images: FP32 %.2f%%, quantized %.2f%% (%+.2f points)%n", evaluated,
                    accuracyBefore.getAsDouble(), accuracyAfter.getAsDouble(), accuracyAfter.getAsDouble() - accuracyBefore.getAsDouble());
        }
        IntegerExecution exec = IntegerExecution.of(after);
        out.printf("integer arithmetic in slim4j's runtime: %d node(s)%n", exec.integer().size());
        for (String n : exec.integer()) out.println("  int8: " + n);
        for (String n : exec.floatCompute()) out.println("  float: " + n);
        if (!exec.integer().isEmpty() && config.weights() instanceof QuantSpec w && w.bits() == 8
                && Kernels.int8Gemm().fasterWithSevenBitWeights()) {
            out.println("  note: this CPU has no VNNI; layers whose weights fit 7 bits (--bits 7) run on a byte path"
                    + " about 1.6x faster here, exact either way");
        }
        if (exec.integer().isEmpty()) {
            out.println("  warning: nothing runs in integer arithmetic here; the QDQ graph is a float graph with"
                    + " (de)quantization and will be slower than the FP32 model in slim4j");
        }
        latency.ifPresent(l -> {
            out.printf("latency at batch %d, 1 thread (median of %d, alternating): FP32 %.3f ms, quantized %.3f ms (%.2fx)%n",
                    l.batch(), l.rounds(), l.floatMs(), l.quantizedMs(), l.ratio());
            if (l.slower()) out.println("  warning: the quantized model is not faster than FP32 in slim4j's runtime");
        });
        sensitivity.ifPresent(r -> r.printTable(out));
        mixedPrecision.ifPresent(r -> r.printTable(out));
    }

    void printJson(PrintStream out) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", input.toString());
        m.put("output", output.toString());
        m.put("scale_file", scaleFile.map(Path::toString).orElse(null));
        m.put("recipe", after.metadata().getOrDefault("slim4j.quantization", ""));
        List<Object> nodes = new ArrayList<>();
        for (Target t : prepared.targets()) nodes.add(Map.of("name", t.node().name(), "op", t.node().op().opType(), "weights", weights(t)));
        m.put("quantized_nodes", nodes);
        m.put("float_nodes", prepared.skipped());
        IntegerExecution exec = IntegerExecution.of(after);
        m.put("integer_nodes", exec.integer());
        m.put("float_compute_nodes", exec.floatCompute());
        ModelSize b = ModelSize.of(before), a = ModelSize.of(after);
        m.put("file_bytes", Map.of("before", fileBefore, "after", fileAfter));
        m.put("weight_bytes", Map.of("before", b.weightBytes(), "after", a.weightBytes()));
        m.put("initializer_bytes", Map.of("before", b.initializerBytes(), "after", a.initializerBytes()));
        m.put("packed_bytes", Map.of("before", b.packedBytes(), "after", a.packedBytes()));
        if (!calibration.isEmpty()) m.put("calibration", calibration);
        if (accuracyBefore.isPresent()) {
            Map<String, Object> acc = new LinkedHashMap<>();
            acc.put("examples", evaluated);
            acc.put("fp32_top1", accuracyBefore.getAsDouble());
            acc.put("quantized_top1", accuracyAfter.getAsDouble());
            m.put("accuracy", acc);
        }
        latency.ifPresent(l -> m.put("latency", Map.of("batch", l.batch(), "fp32_ms", l.floatMs(), "quantized_ms", l.quantizedMs(),
                "ratio", l.ratio())));
        sensitivity.ifPresent(r -> m.put("sensitivity", r.toJson()));
        mixedPrecision.ifPresent(r -> m.put("mixed_precision", r.toJson()));
        out.println(JsonText.write(m));
    }

    private String weights(Target t) {
        return switch (prepared.config().weightsFor(t.node().name())) {
            case QuantSpec s -> s.describe();
            case HalfPrecision h -> h.type().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static double ratio(long a, long b) { return b == 0 ? Double.NaN : (double) a / b; }
}
