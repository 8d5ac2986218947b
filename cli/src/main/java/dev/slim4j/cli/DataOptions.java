package dev.slim4j.cli;

import dev.slim4j.train.data.Dataset;
import dev.slim4j.train.data.FashionMnist;
import dev.slim4j.train.data.Normalization;
import java.nio.file.Path;
import java.util.List;

/**
 * The data options {@code train}, {@code eval} and {@code zoo} share: {@code --dataset NAME},
 * {@code --data DIR}, {@code --normalize MEAN,STD} and {@code --limit N}, declared on a parser and
 * checked before any data is read.
 */
public final class DataOptions {
    /** The data sets slim4j knows. */
    public static final List<String> DATASETS = List.of("fashion-mnist");

    private final ArgParser.Option<String> dataset;
    private final ArgParser.Option<Path> directory;
    private final ArgParser.Option<String> normalize;
    private final ArgParser.Option<Long> limit;

    public DataOptions(ArgParser p) {
        dataset = p.string("dataset", "NAME", "data set, one of " + DATASETS, "fashion-mnist");
        directory = p.path("data", "DIR", "folder of the IDX files", FashionMnist.DEFAULT_DIRECTORY);
        normalize = p.string("normalize", "MEAN,STD", "input normalization (default 0.2860,0.3530, Fashion-MNIST's)", null);
        limit = p.integer("limit", "N", "use only the first N examples of each split", null);
    }

    /** Fails with a usage error on an unknown data set, a bad normalization or a limit below 1. */
    public void check() {
        if (!DATASETS.contains(dataset.value())) {
            throw new UsageException("unknown dataset '" + dataset.value() + "', expected one of " + DATASETS);
        }
        if (limit.value() != null && (limit.value() < 1 || limit.value() > Integer.MAX_VALUE)) {
            throw new UsageException("--limit must be >= 1, found " + limit.value());
        }
        if (normalize.value() != null) parse(normalize.value());
    }

    public String datasetName() { return dataset.value(); }

    /** The normalization given, or {@code fallback} when --normalize is absent. */
    public Normalization normalization(Normalization fallback) {
        return normalize.value() == null ? fallback : parse(normalize.value());
    }

    public boolean normalizationGiven() { return normalize.value() != null; }

    public Dataset train() { return limited(FashionMnist.train(directory.value())); }

    public Dataset test() { return limited(FashionMnist.test(directory.value())); }

    private Dataset limited(Dataset d) { return limit.value() == null ? d : d.limit(limit.value().intValue()); }

    /** {@code MEAN,STD}, for example {@code 0.1307,0.3081}. */
    public static Normalization parse(String text) {
        String[] parts = text.split(",");
        try {
            if (parts.length != 2) throw new NumberFormatException();
            return new Normalization(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new UsageException("--normalize expects MEAN,STD (two numbers), found '" + text + "'");
        } catch (IllegalArgumentException e) {
            throw new UsageException("--normalize " + text + ": " + e.getMessage());
        }
    }
}
