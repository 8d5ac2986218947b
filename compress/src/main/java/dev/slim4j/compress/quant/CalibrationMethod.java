package dev.slim4j.compress.quant;

import java.util.List;
import java.util.Locale;

/**
 * How an activation range is chosen from calibration data: the closed set of observers. Settings are
 * checked when a method is made, so nonsense (a percentile of 120) fails before any work starts.
 */
public sealed interface CalibrationMethod {
    /** Names accepted by {@link #parse}. */
    List<String> NAMES = List.of("minmax", "moving-average", "percentile", "entropy", "mse");

    /** The smallest and largest value seen. */
    record MinMax() implements CalibrationMethod {}

    /** Moving averages of per-batch minimum and maximum. */
    record MovingAverageMinMax(double momentum) implements CalibrationMethod {
        public MovingAverageMinMax {
            if (!(momentum > 0 && momentum <= 1)) {
                throw new IllegalArgumentException("moving-average momentum must lie in (0, 1], found " + momentum);
            }
        }
    }

    /** The range holding {@code percentile} percent of the values (99.9 to 99.9999). */
    record Percentile(double percentile, int bins) implements CalibrationMethod {
        public static final double MIN = 99.9;
        public static final double MAX = 99.9999;

        public Percentile {
            if (!(percentile >= MIN && percentile <= MAX)) {
                throw new IllegalArgumentException("percentile must lie in [" + MIN + ", " + MAX + "], found " + percentile);
            }
            checkBins(bins);
        }
    }

    /** The clipping threshold minimizing the KL divergence of the quantized distribution (TensorRT's method). */
    record Entropy(int bins) implements CalibrationMethod {
        public Entropy { checkBins(bins); }
    }

    /** The clipping threshold minimizing the expected squared quantization error. */
    record Mse(int bins) implements CalibrationMethod {
        public Mse { checkBins(bins); }
    }

    static MinMax minMax() { return new MinMax(); }

    static MovingAverageMinMax movingAverage() { return new MovingAverageMinMax(0.01); }

    static Percentile percentile(double p) { return new Percentile(p, Histogram.DEFAULT_BINS); }

    static Entropy entropy() { return new Entropy(Histogram.DEFAULT_BINS); }

    static Mse mse() { return new Mse(Histogram.DEFAULT_BINS); }

    /** A method by name ({@link #NAMES}), with default settings (percentile 99.99). */
    static CalibrationMethod parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "minmax" -> minMax();
            case "moving-average" -> movingAverage();
            case "percentile" -> percentile(99.99);
            case "entropy" -> entropy();
            case "mse" -> mse();
            default -> throw new IllegalArgumentException("unknown calibration method '" + name + "', expected one of " + NAMES);
        };
    }

    /** The name {@link #parse} accepts. */
    default String label() {
        return switch (this) {
            case MinMax m -> "minmax";
            case MovingAverageMinMax m -> "moving-average";
            case Percentile p -> "percentile";
            case Entropy e -> "entropy";
            case Mse m -> "mse";
        };
    }

    /** A fresh observer choosing ranges for the grid of {@code spec}. */
    default Observer newObserver(QuantSpec spec) {
        return switch (this) {
            case MinMax m -> new MinMaxObserver();
            case MovingAverageMinMax m -> new MovingAverageObserver(m.momentum());
            case Percentile p -> new HistogramObserver(this, spec, p.bins());
            case Entropy e -> new HistogramObserver(this, spec, e.bins());
            case Mse m -> new HistogramObserver(this, spec, m.bins());
        };
    }

    private static void checkBins(int bins) {
        if (bins < 256 || bins > 1 << 16 || bins % 4 != 0) {
            throw new IllegalArgumentException("histogram bins must be a multiple of 4 in [256, 65536], found " + bins);
        }
    }
}
