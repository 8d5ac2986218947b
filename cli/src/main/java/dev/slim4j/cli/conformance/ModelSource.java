package dev.slim4j.cli.conformance;

import dev.slim4j.ir.Model;
import dev.slim4j.onnx.OnnxReader;
import dev.slim4j.tensor.Tensor;
import java.nio.file.Path;
import java.util.function.Function;

/** How a conformance run reads model.onnx and the .pb tensors; ONNX's files by default, other sources in tests. */
public record ModelSource(Function<Path, Model> model, Function<Path, Tensor> tensor) {
    public static final ModelSource ONNX = new ModelSource(OnnxReader::read, OnnxReader::readTensor);
}
