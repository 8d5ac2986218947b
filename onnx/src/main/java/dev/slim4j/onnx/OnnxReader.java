package dev.slim4j.onnx;

import dev.slim4j.ir.Model;
import dev.slim4j.tensor.Tensor;
import java.nio.file.Path;

/** Reads ONNX models and TensorProto files into slim4j's IR. */
public final class OnnxReader {
    private OnnxReader() {}

    /** Reads a model; external data files are resolved against the model's folder. */
    public static Model read(Path file) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Reads a serialized TensorProto (the .pb files of ONNX's test data). */
    public static Tensor readTensor(Path file) {
        throw new UnsupportedOperationException("not yet");
    }
}
