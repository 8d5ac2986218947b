package dev.slim4j.cli.quantize;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** One {@code slim4j quantize} invocation, parsed: files, scheme options, data, and what to measure. */
record QuantizeRequest(Path model, Path out, QuantizeOptions options, Optional<String> calib, Optional<Path> scales,
                       int calibSize, int evalSize, boolean sensitivity, OptionalDouble maxDrop, boolean json,
                       int dataFreeSteps, Optional<SizeBudget> sizeBudget, List<Integer> bitChoices,
                       int latencyBatch) {
    /** The --calib value that synthesizes inputs from the model's BatchNorm statistics. */
    static final String DATA_FREE = "data-free";

    boolean fashionMnist() { return calib.filter(QuantizeCommand.FASHION_MNIST::equals).isPresent(); }

    boolean dataFree() { return calib.filter(DATA_FREE::equals).isPresent(); }

    /** Accuracy is measured on Fashion-MNIST's test split when calibrating on its training split or without data. */
    boolean measuresAccuracy() { return (fashionMnist() || dataFree()) && evalSize > 0; }
}
