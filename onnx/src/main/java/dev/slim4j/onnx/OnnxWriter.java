package dev.slim4j.onnx;

import dev.slim4j.ir.Model;
import dev.slim4j.onnx.codec.ModelEncoder;
import dev.slim4j.onnx.codec.TensorEncoder;
import dev.slim4j.tensor.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes slim4j models as ONNX files, atomically: each file is written to a temporary file in the
 * same folder and then moved into place, so a failure never leaves a half-written model.
 */
public final class OnnxWriter {
    private OnnxWriter() {}

    public static void write(Model model, Path file) { write(model, file, WriteOptions.defaults()); }

    public static void write(Model model, Path file, WriteOptions options) {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        String name = target.getFileName().toString();
        Path modelTemp = null;
        Path dataTemp = null;
        try {
            Files.createDirectories(dir);
            byte[] bytes;
            if (options.externalThreshold().isPresent()) {
                String dataName = options.dataFileName().isEmpty() ? name + ".data" : options.dataFileName();
                dataTemp = Files.createTempFile(dir, "." + dataName, ".tmp");
                try (ExternalDataFile data = new ExternalDataFile(options.externalThreshold().get(), dataName, dataTemp)) {
                    bytes = ModelEncoder.encode(model, data, options.sparseMaxDensity());
                }
                moveIntoPlace(dataTemp, dir.resolve(dataName));
                dataTemp = null;
            } else {
                bytes = ModelEncoder.encode(model, TensorEncoder.ExternalSink.NONE, options.sparseMaxDensity());
            }
            modelTemp = Files.createTempFile(dir, "." + name, ".tmp");
            Files.write(modelTemp, bytes);
            moveIntoPlace(modelTemp, target);
            modelTemp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(modelTemp);
            deleteQuietly(dataTemp);
        }
    }

    public static byte[] toBytes(Model model) { return ModelEncoder.encode(model, TensorEncoder.ExternalSink.NONE); }

    /** A serialized TensorProto (the format of ONNX's test data .pb files). */
    public static byte[] tensorToBytes(String name, Tensor tensor) {
        return TensorEncoder.encode(name, tensor, TensorEncoder.ExternalSink.NONE).toByteArray();
    }

    public static void writeTensor(String name, Tensor tensor, Path file) {
        Path target = file.toAbsolutePath();
        Path temp = null;
        try {
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            Files.write(temp, tensorToBytes(name, tensor));
            moveIntoPlace(temp, target);
            temp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the temporary file is left behind; the target is untouched either way
        }
    }
}
