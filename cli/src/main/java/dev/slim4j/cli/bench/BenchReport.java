package dev.slim4j.cli.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a {@link BenchResult} as a text table or as a JSON-ready map. */
final class BenchReport {
    private BenchReport() {}

    static String table(BenchResult r) {
        BenchOptions o = r.options();
        StringBuilder sb = new StringBuilder();
        sb.append("model    ").append(r.model()).append('\n');
        sb.append("inputs   ").append(String.join(", ", r.inputs())).append(" (random, seed ").append(o.seed()).append(")\n");
        sb.append(String.format("setup    batch %d, threads %d, %d warm-up rounds, %d measured rounds%s%s%n",
                o.batch(), o.threads(), r.timings().warmupRounds(), r.slim4j().count(),
                r.timings().stats().size() > 1 ? " alternating " + String.join("/", r.timings().stats().keySet()) : "",
                r.timings().timeLimited() ? " (stopped by the " + o.maxSeconds() + " s limit)" : ""));
        sb.append(String.format("%n%-8s %11s %11s %11s %12s %10s%n", "runtime", "median ms", "p90 ms", "min ms",
                "images/s", "load ms"));
        for (var e : r.timings().stats().entrySet()) {
            LatencyStats s = e.getValue();
            sb.append(String.format("%-8s %11.3f %11.3f %11.3f %12.1f %10.1f%n", e.getKey(), s.medianMs(), s.p90Ms(),
                    s.minMs(), s.throughput(o.batch()), r.loadMillis().get(e.getKey())));
        }
        r.ratio().ifPresent(x -> sb.append(String.format("%nratio slim4j/ort: %.2fx of medians, %.2fx of p90s (below 1 = slim4j faster)%n",
                x, r.ratioP90().orElseThrow())));
        r.agreement().ifPresent(a -> sb.append(agreementLine(a)).append('\n'));
        sb.append(String.format("slim4j memory: %s %s; %s allocated per run%n", HeapUse.SOURCE,
                megabytes(r.heap().peakDeltaBytes()), megabytes(r.heap().allocatedBytes())));
        return sb.toString();
    }

    private static String agreementLine(OutputAgreement a) {
        if (!a.problem().isEmpty()) return "agreement: FAILED, " + a.problem();
        return String.format("agreement: max relative diff %.3g (max abs diff %.3g, output '%s', tolerance %.1g) %s",
                a.maxRelDiff(), a.maxAbsDiff(), a.worstOutput(), a.tolerance(), a.agrees() ? "OK" : "FAILED: outputs disagree");
    }

    private static String megabytes(long bytes) { return String.format("%.2f MB", bytes / 1e6); }

    static Map<String, Object> json(BenchResult r) {
        BenchOptions o = r.options();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", r.model());
        m.put("batch", o.batch());
        m.put("threads", o.threads());
        m.put("inputs", r.inputs());
        m.put("seed", o.seed());
        m.put("warmup_rounds", r.timings().warmupRounds());
        m.put("runs", r.slim4j().count());
        m.put("time_limited", r.timings().timeLimited());
        m.put("compare", o.peer().name().toLowerCase());
        putRuntime(m, "slim4j", r.slim4j(), r);
        putRuntime(m, "ort", r.peer().orElse(null), r);
        m.put("ratio", r.ratio().orElse(null));
        m.put("ratio_p90", r.ratioP90().orElse(null));
        m.put("agree", r.agreement().map(OutputAgreement::agrees).orElse(null));
        m.put("agreement", r.agreement().map(BenchReport::agreement).orElse(null));
        Map<String, Object> mem = new LinkedHashMap<>();
        mem.put("peak_bytes", r.heap().peakDeltaBytes());
        mem.put("allocated_bytes_per_run", r.heap().allocatedBytes());
        mem.put("source", HeapUse.SOURCE);
        m.put("slim4j_memory", mem);
        return m;
    }

    private static void putRuntime(Map<String, Object> m, String name, LatencyStats s, BenchResult r) {
        m.put(name + "_ms", s == null ? null : s.medianMs());
        m.put(name + "_p90_ms", s == null ? null : s.p90Ms());
        m.put(name + "_min_ms", s == null ? null : s.minMs());
        m.put(name + "_images_per_s", s == null ? null : s.throughput(r.options().batch()));
        m.put(name + "_load_ms", s == null ? null : r.loadMillis().get(name));
    }

    private static Map<String, Object> agreement(OutputAgreement a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agree", a.agrees());
        m.put("max_rel_diff", a.maxRelDiff());
        m.put("max_abs_diff", a.maxAbsDiff());
        m.put("worst_output", a.worstOutput());
        m.put("tolerance", a.tolerance());
        m.put("problem", a.problem().isEmpty() ? null : a.problem());
        return m;
    }
}
