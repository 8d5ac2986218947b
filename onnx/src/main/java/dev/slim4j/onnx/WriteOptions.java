package dev.slim4j.onnx;

import java.util.Optional;

/**
 * How {@link OnnxWriter} writes a model. With an external-data threshold, initializers of at least
 * that many bytes go to one data file beside the model (named {@code dataFileName}, or the model's
 * file name plus ".data" when empty) instead of inside it.
 */
public record WriteOptions(Optional<Long> externalThreshold, String dataFileName) {
    public WriteOptions {
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
    public WriteOptions withExternalData(long bytes) { return new WriteOptions(Optional.of(bytes), dataFileName); }

    public WriteOptions withDataFileName(String name) { return new WriteOptions(externalThreshold, name); }
}
