package dev.slim4j.cli.bench;

import java.util.Arrays;

/**
 * Summary of measured run times in milliseconds: median (mean of the two middle values for an even
 * count), p90 (nearest rank: the smallest time that at least 90% of runs do not exceed), min, mean.
 */
record LatencyStats(int count, double medianMs, double p90Ms, double minMs, double meanMs) {
    static LatencyStats of(long[] nanos) {
        if (nanos.length == 0) throw new IllegalArgumentException("no run times to summarize");
        long[] s = nanos.clone();
        Arrays.sort(s);
        int n = s.length;
        double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
        int rank = (int) Math.ceil(0.9 * n);
        double mean = Arrays.stream(s).average().orElseThrow();
        return new LatencyStats(n, median / 1e6, s[rank - 1] / 1e6, s[0] / 1e6, mean / 1e6);
    }

    /** Images (batch items) per second at the median latency. */
    double throughput(int batch) { return batch * 1000.0 / medianMs; }
}
