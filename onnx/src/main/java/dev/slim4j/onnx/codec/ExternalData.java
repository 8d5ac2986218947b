package dev.slim4j.onnx.codec;

import dev.slim4j.onnx.ModelFormatException;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;

/**
 * Tensor data stored outside the model file (data_location = EXTERNAL). The location must stay
 * inside the model's folder: absolute paths, '..' components and symlinks leading out are refused.
 * Data of at least {@link #MAP_THRESHOLD} bytes is memory-mapped (freed when the tensor is no longer
 * reachable) rather than copied.
 */
public final class ExternalData {
    /** Tensors of this many bytes or more are mapped instead of read into the heap. */
    public static final long MAP_THRESHOLD = 1 << 20;

    private ExternalData() {}

    static Tensor load(String what, DType dtype, Shape shape, Map<String, String> entries, Optional<Path> folder) {
        String location = entries.get("location");
        if (location == null || location.isEmpty()) {
            throw new ModelFormatException(what + ": external data has no 'location' entry, found keys " + entries.keySet());
        }
        Path dir = folder.orElseThrow(() -> new ModelFormatException(what + ": external data '" + location
                + "' needs the model's folder; read the model from a file"));
        Path file = resolve(what, dir, location);
        long offset = number(what, entries, "offset", 0);
        long expected = TensorSizes.bytes(what, dtype, shape);
        long length = number(what, entries, "length", expected);
        if (length != expected) {
            throw new ModelFormatException(what + ": external data length is " + length + " bytes, expected " + expected
                    + " for " + dtype + shape);
        }
        return read(what, dtype, shape, file, offset, length);
    }

    /** Resolves {@code location} inside {@code dir}, refusing anything that could leave it. */
    static Path resolve(String what, Path dir, String location) {
        Path rel;
        try {
            rel = Path.of(location);
        } catch (InvalidPathException e) {
            throw new ModelFormatException(what + ": external data location '" + location + "' is not a valid path", e);
        }
        if (rel.isAbsolute() || location.startsWith("/") || location.startsWith("\\")) {
            throw new ModelFormatException(what + ": external data location '" + location
                    + "' is absolute, expected a path relative to the model's folder");
        }
        for (Path part : rel) {
            if (part.toString().equals("..")) {
                throw new ModelFormatException(what + ": external data location '" + location
                        + "' contains '..', expected a path inside the model's folder");
            }
        }
        Path file = dir.resolve(rel).normalize();
        try {
            Path realDir = dir.toRealPath();
            Path real = file.toRealPath();
            if (!real.startsWith(realDir)) {
                throw new ModelFormatException(what + ": external data location '" + location + "' resolves to " + real
                        + ", outside the model's folder " + realDir);
            }
            return real;
        } catch (IOException e) {
            throw new ModelFormatException(what + ": external data file '" + location + "' cannot be opened in " + dir
                    + ": " + e, e);
        }
    }

    private static long number(String what, Map<String, String> entries, String key, long fallback) {
        String v = entries.get(key);
        if (v == null) return fallback;
        try {
            long n = Long.parseLong(v.trim());
            if (n < 0) throw new NumberFormatException("negative");
            return n;
        } catch (NumberFormatException e) {
            throw new ModelFormatException(what + ": external data '" + key + "' is '" + v + "', expected a number >= 0");
        }
    }

    private static Tensor read(String what, DType dtype, Shape shape, Path file, long offset, long length) {
        if (!Files.isRegularFile(file)) throw new ModelFormatException(what + ": external data " + file + " is not a regular file");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (offset > size || length > size - offset) {
                throw new ModelFormatException(what + ": external data needs bytes [" + offset + ", " + (offset + length)
                        + ") of " + file.getFileName() + ", which has " + size + " bytes");
            }
            if (length >= MAP_THRESHOLD) {
                return Tensor.wrap(dtype, shape, ch.map(FileChannel.MapMode.READ_ONLY, offset, length, Arena.ofAuto()));
            }
            ByteBuffer bytes = ByteBuffer.allocate((int) length);
            while (bytes.hasRemaining()) {
                if (ch.read(bytes, offset + bytes.position()) < 0) throw new ModelFormatException(what + ": external data file shrank while reading");
            }
            Tensor t = Tensor.allocate(dtype, shape);
            MemorySegment.copy(MemorySegment.ofArray(bytes.array()), 0, t.segment(), 0, length);
            return t;
        } catch (IOException e) {
            throw new ModelFormatException(what + ": cannot read external data " + file + ": " + e, e);
        }
    }
}
