package dev.slim4j.onnx;

import dev.slim4j.ir.Model;
import java.nio.file.Path;

/** Writes slim4j models as ONNX files, atomically (temporary file, then move). */
public final class OnnxWriter {
    private OnnxWriter() {}

    public static void write(Model model, Path file) {
        throw new UnsupportedOperationException("not yet");
    }

    public static byte[] toBytes(Model model) {
        throw new UnsupportedOperationException("not yet");
    }
}
