package dev.slim4j.tensor.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * .npy reading and writing against bytes written by NumPy 1.24 ({@code numpy.save}, captured as
 * hex) and headers built by hand from the format specification.
 */
class NpyTest {
    /** numpy.save(np.array([[1,-2,3],[4,5,-6]], dtype='<i2')). */
    private static final String INT16_2x3 =
            "934e554d5059010076007b276465736372273a20273c6932272c2027666f727472616e5f6f72646572273a2046616c73"
            + "652c20277368617065273a2028322c2033292c207d202020202020202020202020202020202020202020202020202020"
            + "202020202020202020202020202020202020202020202020202020202020200a0100feff030004000500faff";
    /** numpy.save(np.array([[1.0, 2.5]], dtype='<f4')). */
    private static final String FLOAT32_1x2 =
            "934e554d5059010076007b276465736372273a20273c6634272c2027666f727472616e5f6f72646572273a2046616c73"
            + "652c20277368617065273a2028312c2032292c207d202020202020202020202020202020202020202020202020202020"
            + "202020202020202020202020202020202020202020202020202020202020200a0000803f00002040";
    /** numpy.save(np.array([1.5, -0.25, 65504], dtype='<f2')). */
    private static final String FLOAT16_3 =
            "934e554d5059010076007b276465736372273a20273c6632272c2027666f727472616e5f6f72646572273a2046616c73"
            + "652c20277368617065273a2028332c292c207d2020202020202020202020202020202020202020202020202020202020"
            + "202020202020202020202020202020202020202020202020202020202020200a003e00b4ff7b";
    /** numpy.save(np.array([True, False, True])). */
    private static final String BOOL_3 =
            "934e554d5059010076007b276465736372273a20277c6231272c2027666f727472616e5f6f72646572273a2046616c73"
            + "652c20277368617065273a2028332c292c207d2020202020202020202020202020202020202020202020202020202020"
            + "202020202020202020202020202020202020202020202020202020202020200a010001";
    /** numpy.save(np.array(7.0)): a scalar. */
    private static final String FLOAT64_SCALAR =
            "934e554d5059010076007b276465736372273a20273c6638272c2027666f727472616e5f6f72646572273a2046616c73"
            + "652c20277368617065273a2028292c207d20202020202020202020202020202020202020202020202020202020202020"
            + "202020202020202020202020202020202020202020202020202020202020200a0000000000001c40";

    private static byte[] hex(String s) { return HexFormat.of().parseHex(s); }

    /** A file per the spec: magic, version, little-endian header length, the dict padded to 64, data. */
    private static byte[] handMade(int major, String dict, byte[] data) {
        int lengthBytes = major == 1 ? 2 : 4;
        int unpadded = 8 + lengthBytes + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        for (int i = 0; i < lengthBytes; i++) out.write((header.length() >>> (8 * i)) & 0xFF);
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data);
        return out.toByteArray();
    }

    @Test void readsNumpyInt16() {
        Tensor t = NpyReader.read(hex(INT16_2x3));
        assertEquals(DType.INT16, t.dtype());
        assertEquals(Shape.of(2, 3), t.shape());
        long[] expected = {1, -2, 3, 4, 5, -6};
        for (int i = 0; i < 6; i++) assertEquals(expected[i], t.getLong(i));
    }

    @Test void readsNumpyFloat16BoolAndScalar() {
        Tensor h = NpyReader.read(hex(FLOAT16_3));
        assertEquals(DType.FLOAT16, h.dtype());
        assertEquals(1.5, h.getDouble(0));
        assertEquals(-0.25, h.getDouble(1));
        assertEquals(65504.0, h.getDouble(2));
        Tensor b = NpyReader.read(hex(BOOL_3));
        assertEquals(DType.BOOL, b.dtype());
        assertArrayEquals(new byte[] {1, 0, 1}, b.bytes());
        Tensor s = NpyReader.read(hex(FLOAT64_SCALAR));
        assertEquals(Shape.scalar(), s.shape());
        assertEquals(7.0, s.getDouble(0));
    }

    @Test void writesExactlyWhatNumpyWrites() {
        assertArrayEquals(hex(FLOAT32_1x2), NpyWriter.toBytes(Tensor.ofFloats(Shape.of(1, 2), 1.0f, 2.5f)));
        assertArrayEquals(hex(INT16_2x3), NpyWriter.toBytes(Tensor.ofShorts(DType.INT16, Shape.of(2, 3),
                (short) 1, (short) -2, (short) 3, (short) 4, (short) 5, (short) -6)));
        assertArrayEquals(hex(BOOL_3), NpyWriter.toBytes(Tensor.ofBytes(DType.BOOL, Shape.of(3), (byte) 1, (byte) 0, (byte) 1)));
    }

    @Test void readsVersion2HeaderAndUnsigned() {
        byte[] data = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 2, 0, 0, 0};
        byte[] file = handMade(2, "{'descr': '<u4', 'fortran_order': False, 'shape': (2,), }", data);
        Tensor t = NpyReader.read(file);
        assertEquals(DType.UINT32, t.dtype());
        assertEquals(4294967295L, t.getLong(0));
        assertEquals(2L, t.getLong(1));
    }

    @Test void acceptsKeysInAnyOrderAndNativeOrder() {
        byte[] data = {5, 0, 0, 0, 0, 0, 0, 0};
        Tensor t = NpyReader.read(handMade(1, "{'shape': (1, 1), 'fortran_order': False, 'descr': '=i8'}", data));
        assertEquals(DType.INT64, t.dtype());
        assertEquals(Shape.of(1, 1), t.shape());
        assertEquals(5L, t.getLong(0));
    }

    @Test void roundTripsEveryDtype(@TempDir Path dir) {
        for (DType d : new DType[] {DType.FLOAT16, DType.FLOAT32, DType.FLOAT64, DType.INT8, DType.UINT8, DType.INT16,
                DType.UINT16, DType.INT32, DType.INT64, DType.UINT32, DType.UINT64, DType.BOOL}) {
            Tensor t = Tensor.allocate(d, Shape.of(2, 3));
            for (int i = 0; i < 6; i++) t.setLong(i, d == DType.BOOL ? i % 2 : i * 3 - 7);
            Path f = dir.resolve(d + ".npy");
            NpyWriter.write(t, f);
            Tensor back = NpyReader.read(f);
            assertEquals(d, back.dtype());
            assertEquals(t.shape(), back.shape());
            assertArrayEquals(t.toLittleEndianBytes(), back.toLittleEndianBytes(), d.toString());
        }
    }

    @Test void rejectsFortranOrder() {
        byte[] file = handMade(1, "{'descr': '<f4', 'fortran_order': True, 'shape': (1,), }", new byte[4]);
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> NpyReader.read(file));
        assertTrue(e.getMessage().contains("Fortran-order"), e.getMessage());
    }

    @Test void rejectsBigEndian() {
        byte[] file = handMade(1, "{'descr': '>f4', 'fortran_order': False, 'shape': (1,), }", new byte[4]);
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> NpyReader.read(file));
        assertTrue(e.getMessage().contains("big-endian"), e.getMessage());
    }

    @Test void rejectsUnknownDtypeTruncatedDataAndBadMagic() {
        byte[] complex = handMade(1, "{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }", new byte[8]);
        assertTrue(assertThrows(NpyFormatException.class, () -> NpyReader.read(complex)).getMessage().contains("'<c8'"));
        byte[] shortData = handMade(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", new byte[8]);
        assertTrue(assertThrows(NpyFormatException.class, () -> NpyReader.read(shortData)).getMessage()
                .contains("needs 12 bytes, the file holds 8"));
        assertThrows(NpyFormatException.class, () -> NpyReader.read("PK\3\4 not npy".getBytes(StandardCharsets.US_ASCII)));
        byte[] forged = hex(FLOAT32_1x2);
        forged[8] = (byte) 0xFF;
        forged[9] = (byte) 0x7F;
        assertThrows(NpyFormatException.class, () -> NpyReader.read(forged));
    }

    @Test void writeReplacesAtomicallyAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("x.npy");
        Files.writeString(f, "old");
        NpyWriter.write(Tensor.ofFloats(Shape.of(1, 2), 1.0f, 2.5f), f);
        assertArrayEquals(hex(FLOAT32_1x2), Files.readAllBytes(f));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }
}
