package dev.slim4j.tensor.npy;

import dev.slim4j.tensor.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads NumPy {@code .npy} files (format versions 1.0, 2.0, 3.0) into heap tensors. The file is
 * checked against its header: data shorter than the header promises is an error, never a
 * partially filled tensor.
 */
public final class NpyReader {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** Headers are small dictionaries; anything larger is a forged length. */
    static final int MAX_HEADER = 1 << 20;

    private NpyReader() {}

    public static Tensor read(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read .npy file " + file + ": " + e.getMessage(), e);
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw new NpyFormatException(file + " is " + size + " bytes, larger than slim4j reads into one tensor");
        }
        try {
            return read(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read .npy file " + file + ": " + e.getMessage(), e);
        } catch (NpyFormatException e) {
            throw new NpyFormatException(file + ": " + e.getMessage(), e);
        }
    }

    public static Tensor read(byte[] bytes) {
        if (bytes.length < 10 || !Arrays.equals(bytes, 0, 6, MAGIC, 0, 6)) {
            throw new NpyFormatException("not a .npy file: expected the magic string \\x93NUMPY at the start");
        }
        int major = bytes[6] & 0xFF;
        int lengthBytes = switch (major) {
            case 1 -> 2;
            case 2, 3 -> 4;
            default -> throw new NpyFormatException("unsupported .npy format version " + major + "." + (bytes[7] & 0xFF)
                    + ", expected 1.0, 2.0 or 3.0");
        };
        if (bytes.length < 8 + lengthBytes) throw new NpyFormatException("truncated .npy header");
        long headerLength = littleEndian(bytes, 8, lengthBytes);
        int dataStart = 8 + lengthBytes + (int) Math.min(headerLength, MAX_HEADER + 1L);
        if (headerLength > MAX_HEADER || dataStart > bytes.length) {
            throw new NpyFormatException("truncated or forged .npy header: it claims " + headerLength + " bytes, the file has "
                    + (bytes.length - 8 - lengthBytes) + " after the length field");
        }
        String text = new String(bytes, 8 + lengthBytes, (int) headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        NpyHeader header = NpyHeader.parse(text);
        long dataBytes = header.shape().size() * header.dtype().byteSize();
        long available = bytes.length - dataStart;
        if (available != dataBytes) {
            throw new NpyFormatException(".npy data of " + header.dtype() + header.shape() + " needs " + dataBytes
                    + " bytes, the file holds " + available);
        }
        return Tensor.fromLittleEndianBytes(header.dtype(), header.shape(),
                Arrays.copyOfRange(bytes, dataStart, bytes.length));
    }

    private static long littleEndian(byte[] b, int at, int n) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) v = (v << 8) | (b[at + i] & 0xFF);
        return v;
    }
}
