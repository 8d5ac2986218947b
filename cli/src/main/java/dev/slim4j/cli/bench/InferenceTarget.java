package dev.slim4j.cli.bench;

import dev.slim4j.tensor.Tensor;
import java.util.Map;

/** One runtime with a model loaded and its feeds bound: the thing a benchmark times. */
sealed interface InferenceTarget extends AutoCloseable permits Slim4jTarget, OrtTarget {
    /** Short name for tables and JSON keys ({@code slim4j}, {@code ort}). */
    String name();

    /** Milliseconds it took to load the model and prepare the session. */
    double loadMillis();

    /** Runs once on the bound feeds and discards the outputs; this is the timed call. */
    void runOnce();

    /** Runs once and returns the outputs by name as slim4j tensors, for the agreement check. */
    Map<String, Tensor> outputs();

    @Override void close();
}
