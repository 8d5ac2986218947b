package dev.slim4j.cli.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one benchmark found: the settings, the inputs used, per-runtime load times and
 * latencies (slim4j first), the output agreement with the peer (empty without one) and slim4j's heap use.
 */
record BenchResult(String model, BenchOptions options, List<String> inputs, Map<String, Double> loadMillis,
                   Benchmark.Timings timings, Optional<OutputAgreement> agreement, HeapUse heap) {
    LatencyStats slim4j() { return timings.stats().get("slim4j"); }

    Optional<LatencyStats> peer() {
        return timings.stats().entrySet().stream().filter(e -> !e.getKey().equals("slim4j"))
                .map(Map.Entry::getValue).findFirst();
    }

    /** slim4j's median over the peer's median; empty without a peer. */
    Optional<Double> ratio() { return peer().map(p -> slim4j().medianMs() / p.medianMs()); }

    Optional<Double> ratioP90() { return peer().map(p -> slim4j().p90Ms() / p.p90Ms()); }

    boolean agrees() { return agreement.map(OutputAgreement::agrees).orElse(true); }
}
