package dev.slim4j.train.data;

import static dev.slim4j.train.data.IdxBytes.gzip;
import static dev.slim4j.train.data.IdxBytes.idx;
import static dev.slim4j.train.data.IdxBytes.sequence;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    private static IdxArray read(byte[] bytes) throws IOException {
        return IdxReader.read(new ByteArrayInputStream(bytes), "test.idx");
    }

    private static String failure(byte[] bytes) {
        return assertThrows(IdxFormatException.class, () -> read(bytes)).getMessage();
    }

    @Test void readsPlainRank3() throws IOException {
        byte[] data = sequence(2 * 3 * 4);
        IdxArray a = read(idx(0x08, new int[] {2, 3, 4}, data));
        assertEquals(0x00000803, a.magic());
        assertArrayEquals(new int[] {2, 3, 4}, a.dims());
        assertEquals(24, a.size());
        for (int i = 0; i < 24; i++) assertEquals(data[i] & 0xFF, a.unsignedByte(i));
    }

    @Test void gzipAndPlainGiveTheSameArray() throws IOException {
        byte[] plain = idx(0x08, new int[] {5}, new byte[] {9, 0, (byte) 255, 1, 2});
        IdxArray a = read(gzip(plain));
        assertEquals(0x00000801, a.magic());
        assertArrayEquals(new int[] {5}, a.dims());
        assertEquals(255, a.unsignedByte(2));
        assertArrayEquals(read(plain).data(), a.data());
    }

    @Test void readsLargeDataAcrossBufferGrowth() throws IOException {
        byte[] data = sequence(3 * 1000 * 1000);
        IdxArray a = read(gzip(idx(0x08, new int[] {3, 1000, 1000}, data)));
        assertArrayEquals(data, a.data());
    }

    @Test void rejectsWrongMagic() {
        byte[] b = idx(0x08, new int[] {1}, new byte[1]);
        b[0] = 0x12;
        assertTrue(failure(b).contains("magic"), failure(b));
    }

    @Test void rejectsOtherElementTypes() {
        String m = failure(idx(0x0D, new int[] {1}, new byte[4]));
        assertTrue(m.contains("expected element type 0x08") && m.contains("found 0x0D"), m);
    }

    @Test void rejectsRankZero() {
        assertTrue(failure(new byte[] {0, 0, 8, 0}).contains("at least one dimension"));
    }

    @Test void rejectsTruncatedHeader() {
        byte[] b = Arrays.copyOf(idx(0x08, new int[] {2, 2, 2}, new byte[8]), 9);
        String m = failure(b);
        assertTrue(m.contains("truncated header") && m.contains("expected 12 bytes"), m);
    }

    @Test void rejectsTruncatedData() {
        byte[] b = Arrays.copyOf(idx(0x08, new int[] {2, 3, 3}, sequence(18)), 16 + 10);
        String m = failure(b);
        assertTrue(m.contains("truncated") && m.contains("declare 18") && m.contains("found 10"), m);
        String gz = failure(gzip(b));
        assertTrue(gz.contains("found 10"), gz);
    }

    @Test void rejectsTrailingBytes() {
        byte[] b = Arrays.copyOf(idx(0x08, new int[] {4}, sequence(4)), 8 + 4 + 1);
        assertTrue(failure(b).contains("trailing bytes"));
    }

    @Test void rejectsDimensionsBeyondSignedInt() {
        byte[] b = idx(0x08, new int[] {0x80000000}, new byte[0]);
        String m = failure(b);
        assertTrue(m.contains("2147483648"), m);
    }

    @Test void rejectsDimsWhoseProductOverflows() {
        String m = failure(idx(0x08, new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE, 4}, new byte[3]));
        assertTrue(m.contains("declare more than"), m);
    }

    @Test void forgedHugeSizeFailsWithoutAllocatingIt() {
        // 2e9 declared bytes, 5 present: must fail as truncated, never try to allocate 2 GB
        String m = failure(idx(0x08, new int[] {2, 1_000_000_000}, new byte[5]));
        assertTrue(m.contains("truncated") && m.contains("found 5"), m);
        String gz = failure(gzip(idx(0x08, new int[] {2, 1_000_000_000}, new byte[5])));
        assertTrue(gz.contains("found 5"), gz);
    }

    @Test void allocationIsBoundedByTheBytesPresentNotTheHeader() {
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        byte[] forged = gzip(idx(0x08, new int[] {60000, 28, 28}, sequence(1000)));
        long before = threads.getCurrentThreadAllocatedBytes();
        failure(forged);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 8_000_000, "allocated " + allocated + " bytes for a header declaring 47 MB");
    }

    @Test void rejectsCorruptGzip() {
        byte[] gz = gzip(idx(0x08, new int[] {1000}, sequence(1000)));
        byte[] cut = Arrays.copyOf(gz, gz.length / 2);
        assertTrue(failure(cut).contains("test.idx"));
        byte[] damaged = gz.clone();
        for (int i = 12; i < 40; i++) damaged[i] ^= (byte) 0x5A;
        assertTrue(failure(damaged).contains("test.idx"));
    }

    @Test void readImagesChecksTheRank(@TempDir Path dir) throws IOException {
        Path labels = dir.resolve("labels");
        Files.write(labels, idx(0x08, new int[] {3}, new byte[] {1, 2, 3}));
        assertEquals(3, IdxReader.readLabels(labels).dim(0));
        String m = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(labels)).getMessage();
        assertTrue(m.contains("0x00000803") && m.contains("0x00000801"), m);
    }
}
