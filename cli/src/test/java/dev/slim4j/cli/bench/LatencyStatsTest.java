package dev.slim4j.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LatencyStatsTest {
    private static final long MS = 1_000_000;

    @Test void medianP90MinMeanByHand() {
        // sorted: 1..10 ms; median (5+6)/2 = 5.5; p90 nearest rank ceil(9) = 9th = 9 ms; mean 5.5
        long[] t = {7, 3, 10, 1, 5, 9, 2, 8, 6, 4};
        for (int i = 0; i < t.length; i++) t[i] *= MS;
        LatencyStats s = LatencyStats.of(t);
        assertEquals(10, s.count());
        assertEquals(5.5, s.medianMs(), 1e-12);
        assertEquals(9.0, s.p90Ms(), 1e-12);
        assertEquals(1.0, s.minMs(), 1e-12);
        assertEquals(5.5, s.meanMs(), 1e-12);
        assertEquals(32 * 1000 / 5.5, s.throughput(32), 1e-9);
        assertEquals(7, t[0] / MS, "input array is not sorted in place");
    }

    @Test void oddCountsAndSingleRun() {
        LatencyStats s = LatencyStats.of(new long[] {3 * MS, 1 * MS, 2 * MS});
        assertEquals(2.0, s.medianMs(), 1e-12);
        assertEquals(3.0, s.p90Ms(), 1e-12);
        LatencyStats one = LatencyStats.of(new long[] {4 * MS});
        assertEquals(4.0, one.medianMs(), 1e-12);
        assertEquals(4.0, one.p90Ms(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> LatencyStats.of(new long[0]));
    }
}
