package dev.slim4j.cli.quantize;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;

/** One {@code slim4j quantize} invocation, parsed: files, scheme options, data, and what to measure. */
record QuantizeRequest(Path model, Path out, QuantizeOptions options, Optional<String> calib, Optional<Path> scales,
                       int calibSize, int evalSize, boolean sensitivity, OptionalDouble maxDrop, boolean json) {
    boolean fashionMnist() { return calib.filter(QuantizeCommand.FASHION_MNIST::equals).isPresent(); }
}
