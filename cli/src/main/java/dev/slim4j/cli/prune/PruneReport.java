package dev.slim4j.cli.prune;

import dev.slim4j.cli.JsonText;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.metrics.ModelMetrics;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** What {@code prune} did: parameters, MACs, bytes and accuracy before and after, per group and per stage. */
record PruneReport(PruneRequest request, ModelMetrics before, ModelMetrics after, List<GroupCut> groups, OptionalDouble top1Before,
                   OptionalDouble top1After, List<Stage> stages, long bytesOnDiskAfter,
                   java.util.Optional<long[]> zeroWeights) {
    /** A pruned group: its id, its first filter, channels before and after (for a removed block: its nodes, then 0). */
    record GroupCut(int id, String root, int before, int after) {}

    /** A training stage and its wall time. */
    record Stage(String name, int epochs, double seconds) {}

    static PruneReport of(PruneRequest r, Model original, Model pruned, List<GroupCut> groups, OptionalDouble before,
                          OptionalDouble after, List<Stage> stages, java.util.Optional<long[]> zeroWeights) {
        long bytes;
        try {
            bytes = java.nio.file.Files.size(r.out());
        } catch (java.io.IOException e) {
            bytes = -1;
        }
        return new PruneReport(r, ModelMetrics.measure(original), ModelMetrics.measure(pruned), groups, before, after, stages, bytes, zeroWeights);
    }

    void printTable(PrintStream out, boolean showGroups) {
        out.printf(Locale.ROOT, "prune --method %s %s%n", request.method().label, target());
        out.printf(Locale.ROOT, "%-22s %15s %15s %9s%n", "", "before", "after", "after/before");
        row(out, "parameters", before.params(), after.params());
        row(out, "MACs (batch 1)", before.macs(), after.macs());
        row(out, "weight bytes", before.weightBytes(), after.weightBytes());
        row(out, "peak activation bytes", before.peakActivationBytes(), after.peakActivationBytes());
        if (top1Before.isPresent()) {
            out.printf(Locale.ROOT, "%-22s %14.2f%% %14.2f%% %+8.2f points%n", "top-1 (" + request.evalSize() + " test)",
                    100 * top1Before.getAsDouble(), 100 * top1After.getAsDouble(),
                    100 * (top1After.getAsDouble() - top1Before.getAsDouble()));
        }
        if (zeroWeights.isPresent()) {
            long[] z = zeroWeights.get();
            out.printf(Locale.ROOT, "%d of %d weights of the pruned layers are zero (%.2f%%)%n", z[0], z[1], z[1] == 0 ? 0 : 100.0 * z[0] / z[1]);
        } else if (request.method() == PruneMethod.LAYER) {
            out.printf(Locale.ROOT, "%d residual blocks replaced by the identity%n", groups.size());
        } else {
            out.printf(Locale.ROOT, "%d channel groups pruned, %d channels removed%n", groups.size(),
                    groups.stream().mapToInt(g -> g.before() - g.after()).sum());
        }
        if (showGroups) {
            out.printf(Locale.ROOT, "%6s  %-40s %8s %8s%n", "group", "root", "before", "after");
            for (GroupCut g : groups) out.printf(Locale.ROOT, "%6d  %-40s %8d %8d%n", g.id(), g.root(), g.before(), g.after());
        }
        for (Stage s : stages) out.printf(Locale.ROOT, "stage %s: %d epochs, %.1f s%n", s.name(), s.epochs(), s.seconds());
        out.println("wrote " + request.out() + " (" + bytesOnDiskAfter + " bytes)");
    }

    private String target() {
        if (request.sparsity().isPresent()) return "--sparsity " + request.sparsity().getAsDouble();
        if (request.flopsTarget().isPresent()) return "--flops-target " + request.flopsTarget().getAsDouble();
        return "--max-layer-drop " + request.maxLayerDrop().getAsDouble();
    }

    private static void row(PrintStream out, String name, long b, long a) {
        out.printf(Locale.ROOT, "%-22s %15d %15d %9.3f%n", name, b, a, b == 0 ? Double.NaN : (double) a / b);
    }

    void printJson(PrintStream out) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", request.model().toString());
        m.put("out", request.out().toString());
        m.put("method", request.method().label);
        request.sparsity().ifPresent(s -> m.put("sparsity", s));
        request.flopsTarget().ifPresent(f -> m.put("flops_target", f));
        request.maxLayerDrop().ifPresent(d -> m.put("max_layer_drop", d));
        m.put("before", metrics(before, top1Before));
        m.put("after", metrics(after, top1After));
        m.put("params_ratio", (double) after.params() / before.params());
        m.put("macs_ratio", before.macs() == 0 ? Double.NaN : (double) after.macs() / before.macs());
        m.put("groups", groups.stream().map(g -> Map.<String, Object>of("id", g.id(), "root", g.root(), "before", g.before(),
                "after", g.after())).toList());
        m.put("stages", stages.stream().map(s -> Map.<String, Object>of("name", s.name(), "epochs", s.epochs(),
                "seconds", s.seconds())).toList());
        zeroWeights.ifPresent(z -> {
            m.put("zero_weights", z[0]);
            m.put("pruned_layer_weights", z[1]);
            m.put("weight_sparsity", z[1] == 0 ? 0.0 : (double) z[0] / z[1]);
        });
        m.put("bytes_on_disk", bytesOnDiskAfter);
        out.println(JsonText.write(m));
    }

    private static Map<String, Object> metrics(ModelMetrics x, OptionalDouble top1) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("params", x.params());
        m.put("macs", x.macs());
        m.put("weight_bytes", x.weightBytes());
        m.put("peak_activation_bytes", x.peakActivationBytes());
        if (top1.isPresent()) m.put("top1", top1.getAsDouble());
        return m;
    }
}
