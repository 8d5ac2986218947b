package dev.slim4j.onnx;

import dev.slim4j.onnx.codec.TensorEncoder;
import dev.slim4j.tensor.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The external data file being written beside a model: tensors above the threshold are appended
 * (each at a 64-byte aligned offset) to a temporary file that the writer later moves into place.
 */
final class ExternalDataFile implements TensorEncoder.ExternalSink, AutoCloseable {
    private static final int ALIGNMENT = 64;
    private static final int CHUNK = 1 << 20;
    private final long threshold;
    private final String location;
    private final Path temp;
    private FileChannel channel;
    private long offset;

    ExternalDataFile(long threshold, String location, Path temp) {
        this.threshold = threshold;
        this.location = location;
        this.temp = temp;
    }

    boolean used() { return channel != null; }

    @Override public Optional<TensorEncoder.Placement> place(String name, Tensor t) {
        long length = t.segment().byteSize();
        if (length < threshold || length == 0) return Optional.empty();
        try {
            if (channel == null) {
                channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            }
            offset = (offset + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
            long at = offset;
            byte[] chunk = new byte[(int) Math.min(length, CHUNK)];
            for (long done = 0; done < length; done += chunk.length) {
                int n = (int) Math.min(chunk.length, length - done);
                MemorySegment.copy(t.segment(), ValueLayout.JAVA_BYTE, done, chunk, 0, n);
                ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, n);
                while (buffer.hasRemaining()) at += channel.write(buffer, at);
            }
            TensorEncoder.Placement p = new TensorEncoder.Placement(location, offset, length);
            offset = at;
            return Optional.of(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write external data for '" + name + "' to " + temp, e);
        }
    }

    @Override public void close() throws IOException {
        if (channel != null) {
            channel.force(true);
            channel.close();
        }
    }
}
