package dev.slim4j.cli.quantize;

import dev.slim4j.cli.JsonText;
import dev.slim4j.compress.quant.ModelSize;
import dev.slim4j.compress.quant.Prepared;
import dev.slim4j.compress.quant.QuantConfig;
import dev.slim4j.compress.quant.Target;
import dev.slim4j.ir.Model;
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
                      Optional<SensitivityReport> sensitivity) {
    QuantizeReport(Path input, Path output, Optional<Path> scaleFile, QuantConfig config, Prepared prepared, Model before,
                   Model after, long fileBefore, long fileAfter) {
        this(input, output, scaleFile, config, prepared, before, after, fileBefore, fileAfter, OptionalDouble.empty(),
                OptionalDouble.empty(), 0, Optional.empty());
    }

    QuantizeReport withAccuracy(double fp32, double quantized, int count) {
        return new QuantizeReport(input, output, scaleFile, config, prepared, before, after, fileBefore, fileAfter,
                OptionalDouble.of(fp32), OptionalDouble.of(quantized), count, sensitivity);
    }

    QuantizeReport withSensitivity(Optional<SensitivityReport> s) {
        return new QuantizeReport(input, output, scaleFile, config, prepared, before, after, fileBefore, fileAfter,
                accuracyBefore, accuracyAfter, evaluated, s);
    }

    void printTable(PrintStream out) {
        out.printf("%s -> %s (%s)%n", input, output, after.metadata().getOrDefault("slim4j.quantization", ""));
        scaleFile.ifPresent(f -> out.println("scale file: " + f));
        out.printf("%-28s %-8s %s%n", "node", "op", "quantized");
        for (Target t : prepared.targets()) out.printf("%-28s %-8s %s%n", t.node().name(), t.node().op().opType(), "yes");
        for (String s : prepared.skipped()) out.printf("  float: %s%n", s);
        if (prepared.targets().isEmpty()) out.println("  (no node quantized)");
        ModelSize b = ModelSize.of(before), a = ModelSize.of(after);
        out.printf("file bytes      %,12d -> %,12d  (%.2fx smaller)%n", fileBefore, fileAfter, (double) fileBefore / fileAfter);
        out.printf("weight bytes    %,12d -> %,12d  (%.2fx smaller)%n", b.weightBytes(), a.weightBytes(), ratio(b.weightBytes(), a.weightBytes()));
        out.printf("initializers    %,12d -> %,12d  (%.2fx smaller)%n", b.initializerBytes(), a.initializerBytes(),
                ratio(b.initializerBytes(), a.initializerBytes()));
        if (accuracyBefore.isPresent()) {
            out.printf("top-1 on %d Fashion-MNIST test images: FP32 %.2f%%, quantized %.2f%% (%+.2f points)%n", evaluated,
                    accuracyBefore.getAsDouble(), accuracyAfter.getAsDouble(), accuracyAfter.getAsDouble() - accuracyBefore.getAsDouble());
        }
        IntegerExecution exec = IntegerExecution.of(after);
        out.printf("integer arithmetic in slim4j's runtime: %d node(s)%n", exec.integer().size());
        for (String n : exec.integer()) out.println("  int8: " + n);
        for (String n : exec.floatCompute()) out.println("  float: " + n);
        if (exec.integer().isEmpty()) {
            out.println("  warning: nothing runs in integer arithmetic here; the QDQ graph is a float graph with"
                    + " (de)quantization and will be slower than the FP32 model in slim4j");
        }
        sensitivity.ifPresent(r -> r.printTable(out));
    }

    void printJson(PrintStream out) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", input.toString());
        m.put("output", output.toString());
        m.put("scale_file", scaleFile.map(Path::toString).orElse(null));
        m.put("recipe", after.metadata().getOrDefault("slim4j.quantization", ""));
        List<Object> nodes = new ArrayList<>();
        for (Target t : prepared.targets()) nodes.add(Map.of("name", t.node().name(), "op", t.node().op().opType()));
        m.put("quantized_nodes", nodes);
        m.put("float_nodes", prepared.skipped());
        IntegerExecution exec = IntegerExecution.of(after);
        m.put("integer_nodes", exec.integer());
        m.put("float_compute_nodes", exec.floatCompute());
        ModelSize b = ModelSize.of(before), a = ModelSize.of(after);
        m.put("file_bytes", Map.of("before", fileBefore, "after", fileAfter));
        m.put("weight_bytes", Map.of("before", b.weightBytes(), "after", a.weightBytes()));
        m.put("initializer_bytes", Map.of("before", b.initializerBytes(), "after", a.initializerBytes()));
        if (accuracyBefore.isPresent()) {
            Map<String, Object> acc = new LinkedHashMap<>();
            acc.put("examples", evaluated);
            acc.put("fp32_top1", accuracyBefore.getAsDouble());
            acc.put("quantized_top1", accuracyAfter.getAsDouble());
            m.put("accuracy", acc);
        }
        sensitivity.ifPresent(r -> m.put("sensitivity", r.toJson()));
        out.println(JsonText.write(m));
    }

    private static double ratio(long a, long b) { return b == 0 ? Double.NaN : (double) a / b; }
}
