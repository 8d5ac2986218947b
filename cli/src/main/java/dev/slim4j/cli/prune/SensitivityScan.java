package dev.slim4j.cli.prune;

import dev.slim4j.cli.JsonText;
import dev.slim4j.cli.LineChart;
import dev.slim4j.cli.TextFiles;
import dev.slim4j.compress.prune.PruningSensitivity;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code --sensitivity} output of {@code prune}: a table, {@code OUT.sensitivity.json} and {@code OUT.sensitivity.svg}. */
record SensitivityScan(PruningSensitivity.Result result, String criterion) {
    static final List<Double> RATIOS = List.of(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9);

    static Path beside(Path model, String extension) {
        String name = model.getFileName().toString();
        String stem = name.endsWith(".onnx") ? name.substring(0, name.length() - 5) : name;
        return model.resolveSibling(stem + ".sensitivity." + extension);
    }

    /**
     * Per group id, the largest scanned ratio such that it and every smaller one lose at most {@code drop}
     * (a fraction, 0.01 = one point) of top-1 against the unpruned model; 0 when even the first does not.
     */
    Map<Integer, Double> ratiosWithin(double drop) {
        Map<Integer, Double> out = new LinkedHashMap<>();
        for (PruningSensitivity.Curve c : result.curves()) {
            double chosen = 0;
            for (int i = 0; i < c.ratios().size(); i++) {
                if (result.baseline() - c.accuracy().get(i) > drop + 1e-12) break;
                chosen = c.ratios().get(i);
            }
            out.put(c.group(), chosen);
        }
        return out;
    }

    void print(PrintStream out) {
        out.printf(Locale.ROOT, "sensitivity (%s, each group alone, no fine-tuning): top-1 %%, unpruned %.2f%%%n", criterion,
                100 * result.baseline());
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-34s %5s", "group", "ch"));
        for (double r : RATIOS) head.append(String.format(Locale.ROOT, " %6.0f%%", 100 * r));
        out.println(head);
        for (PruningSensitivity.Curve c : result.curves()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-34s %5d", c.root(), c.channels()));
            for (double a : c.accuracy()) row.append(String.format(Locale.ROOT, " %7.2f", 100 * a));
            out.println(row);
        }
    }

    void write(Path out) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("criterion", criterion);
        m.put("baseline_top1", result.baseline());
        List<Object> curves = new ArrayList<>();
        List<LineChart.Series> series = new ArrayList<>();
        for (PruningSensitivity.Curve c : result.curves()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("group", c.group());
            e.put("root", c.root());
            e.put("channels", c.channels());
            e.put("ratios", c.ratios());
            e.put("removed", c.removed());
            e.put("top1", c.accuracy());
            curves.add(e);
            series.add(new LineChart.Series(c.root(), c.ratios(), c.accuracy().stream().map(a -> 100 * a).toList()));
        }
        m.put("curves", curves);
        TextFiles.writeAtomically(beside(out, "json"), JsonText.write(m) + "\n");
        TextFiles.writeAtomically(beside(out, "svg"), new LineChart("pruning sensitivity (" + criterion + ")",
                "share of the group's channels removed", "top-1 %", series).svg());
    }
}
