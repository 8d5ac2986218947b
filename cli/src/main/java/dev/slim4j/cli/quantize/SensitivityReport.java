package dev.slim4j.cli.quantize;

import dev.slim4j.cli.JsonText;
import dev.slim4j.cli.TextFiles;
import dev.slim4j.compress.quant.LayerSensitivity;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The per-layer sensitivity table (with a bar per drop) and its JSON file. */
record SensitivityReport(double floatAccuracy, int examples, List<LayerSensitivity> layers) {
    void printTable(PrintStream out) {
        out.printf("sensitivity: top-1 with only one node quantized (FP32 %.2f%% on %d images), largest drop first%n",
                floatAccuracy, examples);
        out.printf("%-28s %-8s %9s %8s%n", "node", "op", "top-1 %", "drop");
        double max = layers.stream().mapToDouble(LayerSensitivity::drop).max().orElse(0);
        for (LayerSensitivity l : layers) {
            int bar = max <= 0 ? 0 : (int) Math.round(Math.max(0, l.drop()) / max * 30);
            out.printf("%-28s %-8s %9.2f %+8.2f %s%n", l.node(), l.opType(), l.accuracy(), -l.drop(), "#".repeat(bar));
        }
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fp32_top1", floatAccuracy);
        m.put("examples", examples);
        List<Object> rows = new ArrayList<>();
        for (LayerSensitivity l : layers) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("node", l.node());
            r.put("op", l.opType());
            r.put("top1", l.accuracy());
            r.put("drop", l.drop());
            rows.add(r);
        }
        m.put("layers", rows);
        return m;
    }

    /** Writes {@link #toJson()} to {@code file} atomically. */
    void write(Path file) { TextFiles.writeAtomically(file, JsonText.write(toJson()) + "\n"); }

    static Path besideModel(Path model) {
        String name = model.getFileName().toString();
        String stem = name.endsWith(".onnx") ? name.substring(0, name.length() - 5) : name;
        return model.resolveSibling(stem + ".sensitivity.json");
    }
}
