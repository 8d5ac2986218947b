package dev.slim4j.onnx;

import dev.slim4j.ir.Model;
import dev.slim4j.onnx.codec.DecodeContext;
import dev.slim4j.onnx.codec.ModelDecoder;
import dev.slim4j.onnx.codec.TensorDecoder;
import dev.slim4j.onnx.wire.ProtoReader;
import dev.slim4j.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads ONNX models and TensorProto files into slim4j's IR. Files are untrusted: anything malformed
 * fails with a {@link ModelFormatException} that says what was expected and what was found.
 */
public final class OnnxReader {
    /** Largest file read (protobuf itself is limited to 2 GiB; larger weights belong in external data). */
    public static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8;

    private OnnxReader() {}

    /** Reads a model; external data files are resolved against the model's folder. */
    public static Model read(Path file) {
        return decode(file, () -> ModelDecoder.decode(bytes(file), Optional.of(folder(file))));
    }

    /** Reads a model from memory; a model with external data needs {@link #read(Path)}. */
    public static Model read(byte[] bytes) {
        return decode(null, () -> ModelDecoder.decode(bytes, Optional.empty()));
    }

    /** Reads a serialized TensorProto (the .pb files of ONNX's test data). */
    public static Tensor readTensor(Path file) {
        return decode(file, () -> TensorDecoder.decode(span(bytes(file)), DecodeContext.forTensor(Optional.of(folder(file)))).tensor());
    }

    public static Tensor readTensor(byte[] bytes) {
        return decode(null, () -> TensorDecoder.decode(span(bytes), DecodeContext.forTensor(Optional.empty())).tensor());
    }

    private static ProtoReader.Span span(byte[] bytes) { return new ProtoReader.Span(bytes, 0, bytes.length); }

    private static Path folder(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of("/") : parent;
    }

    private static byte[] bytes(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new ModelFormatException(file + " has " + size + " bytes, expected at most " + MAX_FILE_BYTES
                        + " (store large weights as external data)");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ModelFormatException("cannot read " + file + ": " + e, e);
        }
    }

    /** Runs a decoder, adding the file name to errors and turning a stack overflow into a clear error. */
    private static <T> T decode(Path file, java.util.function.Supplier<T> decoder) {
        String where = file == null ? "" : file + ": ";
        try {
            return decoder.get();
        } catch (ModelFormatException e) {
            if (file == null) throw e;
            throw new ModelFormatException(where + e.getMessage(), e);
        } catch (StackOverflowError e) {
            throw new ModelFormatException(where + "structure nested too deeply", e);
        }
    }
}
