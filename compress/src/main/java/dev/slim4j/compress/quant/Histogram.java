package dev.slim4j.compress.quant;

import java.util.Arrays;

/**
 * A streaming histogram of fixed size over [-R, R), symmetric around zero, with the exact minimum and
 * maximum beside it. When a value falls outside, R doubles and neighbouring bins merge in pairs, so
 * counts stay exact and memory stays {@code bins} longs however much data is seen. NaNs are skipped.
 */
public final class Histogram {
    /** Signed bins by default: 2048 bins of |x|, as TensorRT's entropy calibration uses. */
    public static final int DEFAULT_BINS = 4096;

    private final long[] counts;
    private float radius;
    private float min = Float.POSITIVE_INFINITY;
    private float max = Float.NEGATIVE_INFINITY;
    private long total;

    public Histogram(int bins) {
        if (bins < 8 || bins % 4 != 0) throw new IllegalArgumentException("histogram bins must be a multiple of 4, at least 8, found " + bins);
        this.counts = new long[bins];
    }

    public Histogram() { this(DEFAULT_BINS); }

    /** Adds every value of {@code values}. */
    public void add(float[] values) {
        float absMax = 0;
        for (float v : values) {
            if (Float.isNaN(v)) continue;
            if (v < min) min = v;
            if (v > max) max = v;
            absMax = Math.max(absMax, Math.abs(v));
        }
        if (Float.isInfinite(absMax)) throw new IllegalArgumentException("cannot calibrate on infinite values");
        cover(absMax);
        for (float v : values) {
            if (Float.isNaN(v)) continue;
            counts[bin(v)]++;
            total++;
        }
    }

    private void cover(float absMax) {
        if (absMax == 0) return;
        if (radius == 0) {
            radius = Math.nextUp(absMax);
            return;
        }
        while (absMax >= radius) {
            long[] merged = new long[counts.length];
            int n = counts.length;
            for (int i = 0; i < n; i++) merged[(n / 2 + i) / 2] += counts[i];
            System.arraycopy(merged, 0, counts, 0, n);
            radius *= 2;
        }
    }

    private int bin(float v) {
        if (radius == 0) return counts.length / 2;
        int i = (int) Math.floor((v + radius) / width());
        return Math.clamp(i, 0, counts.length - 1);
    }

    public int bins() { return counts.length; }

    /** Half-width R of the covered range [-R, R); 0 while only zeros were seen. */
    public float radius() { return radius; }

    /** Width of one bin (1 while only zeros were seen). */
    public double width() { return radius == 0 ? 1 : 2.0 * radius / counts.length; }

    public long count(int bin) { return counts[bin]; }

    /** Lower edge of bin {@code bin}. */
    public double lower(int bin) { return -radius + bin * width(); }

    public long total() { return total; }

    public float min() { return min; }

    public float max() { return max; }

    public boolean isEmpty() { return total == 0; }

    /** Counts of |x| in {@code bins() / 2} bins over [0, R), each {@link #width()} wide. */
    public long[] absolute() {
        int half = counts.length / 2;
        long[] abs = new long[half];
        for (int j = 0; j < half; j++) abs[j] = counts[half + j] + counts[half - 1 - j];
        return abs;
    }

    /** A copy of the signed counts. */
    public long[] counts() { return Arrays.copyOf(counts, counts.length); }
}
