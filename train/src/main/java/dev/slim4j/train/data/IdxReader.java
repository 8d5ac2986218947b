package dev.slim4j.train.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files of unsigned bytes (the MNIST format), plain or gzip-compressed. The header is
 * checked before any data is read, and the data buffer grows only with the bytes actually present,
 * so a forged header cannot make the reader allocate more than the file holds.
 */
public final class IdxReader {
    /** Element type code of unsigned bytes, the only one supported. */
    static final int UNSIGNED_BYTE = 0x08;
    /** Largest data size accepted, a little below the largest Java array. */
    static final long MAX_BYTES = Integer.MAX_VALUE - 16;
    private static final int INITIAL_CHUNK = 1 << 20;

    private IdxReader() {}

    /** Reads a file; gzip compression is detected from the content, not the name. */
    public static IdxArray read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read IDX file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a rank-3 array (images, magic 0x00000803). */
    public static IdxArray readImages(Path file) {
        return read(file).requireRank(3, "images in " + file);
    }

    /** Reads a rank-1 array (labels, magic 0x00000801). */
    public static IdxArray readLabels(Path file) {
        return read(file).requireRank(1, "labels in " + file);
    }

    /** Reads from a stream (plain or gzip); {@code source} names it in error messages. */
    public static IdxArray read(InputStream raw, String source) throws IOException {
        InputStream in = decompressed(new BufferedInputStream(raw), source);
        byte[] head = readFully(in, 4, source, "magic number");
        int magic = bigEndianInt(head, 0);
        checkMagic(head, magic, source);
        int rank = head[3] & 0xFF;
        int[] dims = readDims(in, rank, source);
        long expected = dataSize(dims, source);
        byte[] data = readData(in, (int) expected, dims, source);
        if (read(in, new byte[1], 0, 1, source) > 0) {
            throw new IdxFormatException(source + ": trailing bytes after the " + expected
                    + " data bytes declared by dims " + Arrays.toString(dims));
        }
        return new IdxArray(magic, dims, data);
    }

    private static InputStream decompressed(BufferedInputStream in, String source) throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1F && b1 == 0x8B) {
            try {
                return new BufferedInputStream(new GZIPInputStream(in));
            } catch (IOException e) {
                throw new IdxFormatException(source + ": corrupt gzip header: " + e.getMessage());
            }
        }
        return in;
    }

    private static void checkMagic(byte[] head, int magic, String source) {
        if (head[0] != 0 || head[1] != 0) {
            throw new IdxFormatException(source + ": expected an IDX magic number 0x000008NN, found 0x"
                    + String.format("%08X", magic));
        }
        int type = head[2] & 0xFF;
        if (type != UNSIGNED_BYTE) {
            throw new IdxFormatException(source + ": expected element type 0x08 (unsigned byte), found 0x"
                    + String.format("%02X", type) + " in magic 0x" + String.format("%08X", magic));
        }
        if ((head[3] & 0xFF) == 0) {
            throw new IdxFormatException(source + ": expected at least one dimension, found 0 in magic 0x"
                    + String.format("%08X", magic));
        }
    }

    private static int[] readDims(InputStream in, int rank, String source) throws IOException {
        byte[] raw = readFully(in, 4 * rank, source, rank + " dimensions");
        int[] dims = new int[rank];
        for (int i = 0; i < rank; i++) {
            dims[i] = bigEndianInt(raw, 4 * i);
            if (dims[i] < 0) {
                throw new IdxFormatException(source + ": dimension " + i + " is "
                        + Integer.toUnsignedString(dims[i]) + ", expected at most " + Integer.MAX_VALUE);
            }
        }
        return dims;
    }

    private static long dataSize(int[] dims, String source) {
        long size = 1;
        for (int d : dims) {
            size *= d;
            if (size > MAX_BYTES) {
                throw new IdxFormatException(source + ": dims " + Arrays.toString(dims)
                        + " declare more than " + MAX_BYTES + " bytes, the most one array can hold");
            }
        }
        return size;
    }

    /** Reads exactly {@code expected} bytes, growing the buffer only as data arrives. */
    private static byte[] readData(InputStream in, int expected, int[] dims, String source) throws IOException {
        byte[] buf = new byte[Math.min(expected, INITIAL_CHUNK)];
        int filled = 0;
        while (filled < expected) {
            if (filled == buf.length) buf = Arrays.copyOf(buf, (int) Math.min(expected, 2L * buf.length));
            int n = read(in, buf, filled, buf.length - filled, source);
            if (n < 0) {
                throw new IdxFormatException(source + ": truncated: dims " + Arrays.toString(dims)
                        + " declare " + expected + " data bytes, found " + filled);
            }
            filled += n;
        }
        return buf;
    }

    private static byte[] readFully(InputStream in, int n, String source, String what) throws IOException {
        byte[] b = new byte[n];
        int filled = 0;
        while (filled < n) {
            int r = read(in, b, filled, n - filled, source);
            if (r < 0) {
                throw new IdxFormatException(source + ": truncated header: expected " + n + " bytes of "
                        + what + ", found " + filled);
            }
            filled += r;
        }
        return b;
    }

    /** One read; a damaged gzip stream becomes an {@link IdxFormatException} naming the source. */
    private static int read(InputStream in, byte[] b, int off, int len, String source) throws IOException {
        try {
            return in.read(b, off, len);
        } catch (ZipException | EOFException e) {
            throw new IdxFormatException(source + ": corrupt or truncated gzip data: " + e.getMessage());
        }
    }

    private static int bigEndianInt(byte[] b, int off) {
        return (b[off] & 0xFF) << 24 | (b[off + 1] & 0xFF) << 16 | (b[off + 2] & 0xFF) << 8 | (b[off + 3] & 0xFF);
    }
}
