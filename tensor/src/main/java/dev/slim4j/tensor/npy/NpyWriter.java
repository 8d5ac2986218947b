package dev.slim4j.tensor.npy;

import dev.slim4j.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes tensors as NumPy {@code .npy} files: version 1.0 (version 2.0 when the header needs more
 * than 65535 bytes), little-endian, C order, the header padded with spaces and a newline so the
 * data starts at a multiple of 64 bytes. Files are written to a temporary file and moved into place.
 */
public final class NpyWriter {
    private static final int ALIGN = 64;

    private NpyWriter() {}

    public static byte[] toBytes(Tensor t) {
        String dict = new NpyHeader(t.dtype(), t.shape()).format();
        int version = dict.length() + 1 + 10 > 0xFFFF ? 2 : 1;
        int prefix = version == 1 ? 10 : 12;
        int total = prefix + dict.length() + 1;
        int padded = (total + ALIGN - 1) / ALIGN * ALIGN;
        String header = dict + " ".repeat(padded - total) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream(padded + (int) t.size() * t.dtype().byteSize());
        out.writeBytes(NpyReader.MAGIC);
        out.write(version);
        out.write(0);
        int len = header.length();
        out.write(len & 0xFF);
        out.write((len >>> 8) & 0xFF);
        if (version == 2) {
            out.write((len >>> 16) & 0xFF);
            out.write((len >>> 24) & 0xFF);
        }
        out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(t.toLittleEndianBytes());
        return out.toByteArray();
    }

    /** Writes {@code t} to {@code file} atomically (temporary file in the same folder, then move). */
    public static void write(Tensor t, Path file) {
        byte[] bytes = toBytes(t);
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the move succeeded or the folder is gone; nothing left to clean
                }
            }
        }
    }
}
