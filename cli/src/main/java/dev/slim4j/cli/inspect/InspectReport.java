package dev.slim4j.cli.inspect;

import dev.slim4j.cli.JsonText;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.TensorType;
import dev.slim4j.ir.metrics.ModelMetrics;
import dev.slim4j.ir.metrics.NodeMetrics;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The output of {@code slim4j inspect}: a per-node table and totals, or the same as JSON. */
public record InspectReport(String file, Model model, ModelMetrics metrics, long bytesOnDisk) {
    /** How MACs are counted, printed with every report. */
    public static final String MAC_CONVENTION = "1 multiply-accumulate = 1 MAC; Conv: N*Cout*Hout*Wout*(Cin/group)*kH*kW, "
            + "ConvTranspose: N*Cin*Hin*Win*(Cout/group)*kH*kW, Gemm/MatMul: M*N*K; "
            + "bias, BatchNorm, activations, pooling and other ops: 0";
    /** How peak activation memory is estimated. */
    public static final String PEAK_CONVENTION = "fed inputs and node outputs live from creation to last use "
            + "(graph outputs to the end), nodes in graph order, weights excluded";

    public void printTable(PrintStream out) {
        out.printf("model %s: %d nodes, opsets %s, producer '%s %s'%n", file, metrics.nodes().size(),
                model.opsetImports(), model.producerName(), model.producerVersion());
        for (String a : metrics.assumptions()) out.println("assumed: " + a);
        String fmt = "%-4s %-28s %-18s %-26s %12s %16s %14s%n";
        out.printf(fmt, "#", "name", "op", "output", "params", "MACs", "weight bytes");
        int i = 0;
        for (NodeMetrics n : metrics.nodes()) {
            out.printf(fmt, i++, clip(n.name(), 28), clip(n.opType(), 18), clip(outputs(n.outputTypes()), 26),
                    group(n.params()), n.macs().isPresent() ? group(n.macs().getAsLong()) : "?", group(n.weightBytes()));
        }
        out.println();
        out.printf("parameters             %s%n", group(metrics.params()));
        out.printf("MACs                   %s%s%n", group(metrics.macs()), metrics.nodesWithUnknownMacs() == 0 ? ""
                : " (+ " + metrics.nodesWithUnknownMacs() + " nodes with unknown shapes not counted)");
        out.printf("weight bytes           %s%n", group(metrics.weightBytes()));
        out.printf("bytes on disk          %s (model file and its external data)%n", group(bytesOnDisk));
        out.printf("peak activation bytes  %s%s%n", group(metrics.peakActivationBytes()),
                metrics.valuesWithUnknownSize() == 0 ? ""
                        : " (+ " + metrics.valuesWithUnknownSize() + " values of unknown size counted as 0)");
        out.println("MACs: " + MAC_CONVENTION);
        out.println("peak: " + PEAK_CONVENTION + (metrics.assumptions().isEmpty() ? "" : "; symbolic input dims taken as 1"));
    }

    public void printJson(PrintStream out) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", file);
        m.put("params", metrics.params());
        m.put("macs", metrics.macs());
        m.put("bytes", bytesOnDisk);
        m.put("weight_bytes", metrics.weightBytes());
        m.put("peak_activation_bytes", metrics.peakActivationBytes());
        m.put("nodes_with_unknown_macs", metrics.nodesWithUnknownMacs());
        m.put("values_with_unknown_size", metrics.valuesWithUnknownSize());
        m.put("assumptions", metrics.assumptions());
        m.put("mac_convention", MAC_CONVENTION);
        m.put("peak_convention", PEAK_CONVENTION);
        m.put("nodes", metrics.nodes().stream().map(InspectReport::nodeJson).toList());
        out.println(JsonText.write(m));
    }

    private static Map<String, Object> nodeJson(NodeMetrics n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", n.name());
        m.put("op", n.opType());
        m.put("outputs", n.outputTypes().stream().map(TensorType::toString).toList());
        m.put("params", n.params());
        m.put("macs", n.macs().isPresent() ? n.macs().getAsLong() : null);
        m.put("weight_bytes", n.weightBytes());
        return m;
    }

    private static String outputs(List<TensorType> types) {
        if (types.isEmpty()) return "?";
        return String.join(" ", types.stream().map(TensorType::toString).toList());
    }

    private static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "~";
    }

    private static String group(long v) { return String.format(Locale.ROOT, "%,d", v); }
}
