package dev.slim4j.cli.quantize;

import dev.slim4j.compress.quant.MixedPrecision;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The bits chosen per node under the size budget, with the measured cost and bytes of every candidate. */
record MixedPrecisionReport(long fp32Bytes, long budgetBytes, MixedPrecision.Table table, MixedPrecision.Result result) {
    void printTable(PrintStream out) {
        out.printf("mixed precision: budget %,d packed bytes (FP32 %,d), chosen model %,d bytes (%.2fx smaller), top-1 %.2f%%"
                        + " (all at the spec's bits: %.2f%%, %,d bytes)%n",
                budgetBytes, fp32Bytes, result.bytes(), (double) fp32Bytes / result.bytes(), result.accuracy(), table.baseAccuracy(),
                table.baseBytes());
        List<MixedPrecision.Option> header = table.layers().isEmpty() ? List.of() : table.layers().getFirst().options();
        StringBuilder h = new StringBuilder(String.format("%-24s %-6s %6s", "node", "op", "bits"));
        for (MixedPrecision.Option o : header) h.append(String.format(" %17s", "@" + label(o.bits()) + " drop/bytes"));
        out.println(h);
        for (MixedPrecision.Layer l : table.layers()) {
            StringBuilder row = new StringBuilder(String.format("%-24s %-6s %6s", l.node(), l.opType(), label(result.assignment().bits().get(l.node()))));
            for (MixedPrecision.Option o : l.options()) row.append(String.format(" %8.2f/%+8d", o.cost(), o.bytesDelta()));
            out.println(row);
        }
        out.println("  (drop: points lost against all nodes at the spec's bits when only this node changes; bytes: packed bytes added)");
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("budget_bytes", budgetBytes);
        m.put("fp32_bytes", fp32Bytes);
        m.put("packed_bytes", result.bytes());
        m.put("predicted_bytes", result.assignment().bytes());
        m.put("top1", result.accuracy());
        m.put("base_top1", table.baseAccuracy());
        m.put("base_bytes", table.baseBytes());
        List<Object> layers = new ArrayList<>();
        for (MixedPrecision.Layer l : table.layers()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("node", l.node());
            row.put("op", l.opType());
            row.put("bits", label(result.assignment().bits().get(l.node())));
            List<Object> options = new ArrayList<>();
            for (MixedPrecision.Option o : l.options()) {
                options.add(Map.of("bits", label(o.bits()), "drop", o.cost(), "bytes_delta", o.bytesDelta()));
            }
            row.put("candidates", options);
            layers.add(row);
        }
        m.put("layers", layers);
        return m;
    }

    private static String label(int bits) { return bits == MixedPrecision.FLOAT ? "float" : Integer.toString(bits); }
}
