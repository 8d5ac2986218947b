package dev.slim4j.bench;

import java.util.Arrays;

/** Medians, minima and errors of the quick (non-JMH) benchmarks. */
final class QuickStats {
    private QuickStats() {}

    /** The best (smallest) of {@code times} when {@code best}, else their median. */
    static double pick(double[] times, boolean best) {
        double[] s = times.clone();
        Arrays.sort(s);
        return best ? s[0] : s[s.length / 2];
    }

    /** Largest absolute difference over the largest reference magnitude. */
    static double relativeError(float[] ref, float[] y) {
        double diff = 0;
        double scale = 0;
        for (int i = 0; i < ref.length; i++) {
            diff = Math.max(diff, Math.abs(ref[i] - y[i]));
            scale = Math.max(scale, Math.abs(ref[i]));
        }
        return scale == 0 ? diff : diff / scale;
    }
}
