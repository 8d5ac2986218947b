package dev.slim4j.onnx;

import java.util.Optional;

/**
 * How {@link OnnxWriter} writes a model. With an external-data threshold, initializers of at least
 * that many bytes go to one data file beside the model (named {@code dataFileName}, or the model's
 * file name plus ".data" when empty) instead of inside it. Float initializers whose density (non-zeros over
 * elements) is at most {@code sparseMaxDensity} are written as GraphProto sparse_initializer (values and int64
 * positions); a negative limit (the default) writes every initializer dense.
 */
public record WriteOptions(Optional<Long> externalThreshold, String dataFileName, double sparseMaxDensity) {
    /** Without sparse initializers. */
    public WriteOptions(Optional<Long> externalThreshold, String dataFileName) {
        this(externalThreshold, dataFileName, -1);
    }

    public WriteOptions {
        if (!(sparseMaxDensity <= 1)) {
            throw new IllegalArgumentException("sparse initializer density limit is " + sparseMaxDensity
                    + ", expected at most 1 (negative: none)");
        }
        externalThreshold.ifPresent(t -> {
            if (t < 0) throw new IllegalArgumentException("external data threshold is " + t + " bytes, expected >= 0");
        });
        if (dataFileName == null) dataFileName = "";
        if (dataFileName.contains("/") || dataFileName.contains("\\") || dataFileName.equals("..")) {
            throw new IllegalArgumentException("data file name '" + dataFileName + "' must be a plain file name");
        }
    }

    /** Everything inside the model file. */
    public static WriteOptions defaults() { return new WriteOptions(Optional.empty(), ""); }

    /** Initializers of at least {@code bytes} bytes go to the external data file. */
    public WriteOptions withExternalData(long bytes) {
        return new WriteOptions(Optional.of(bytes), dataFileName, sparseMaxDensity);
    }

    public WriteOptions withDataFileName(String name) { return new WriteOptions(externalThreshold, name, sparseMaxDensity); }

    /**
     * Float initializers with at most {@code maxDensity} of their elements non-zero are written as sparse_initializer
     * (each non-zero costs 12 bytes instead of 4 per element: worth it below a density of 1/3).
     */
    public WriteOptions withSparseInitializers(double maxDensity) {
        return new WriteOptions(externalThreshold, dataFileName, maxDensity);
    }
}
