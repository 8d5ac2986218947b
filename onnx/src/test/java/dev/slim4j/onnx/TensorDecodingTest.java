package dev.slim4j.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slim4j.onnx.wire.ProtoWriter;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TensorProto's storage forms, with expected values written out by hand from onnx.proto's rules. */
class TensorDecodingTest {
    @Test
    void rawDataIsLittleEndian() {
        byte[] raw = {0, 0, (byte) 0x80, 0x3F, 0, 0, 0, (byte) 0xC0}; // 1.0f, -2.0f
        byte[] pb = new ProtoWriter().varint(1, 2).varint(2, 1).bytes(9, raw).toByteArray();
        assertArrayEquals(new float[] {1f, -2f}, OnnxReader.readTensor(pb).floats());
    }

    @Test
    void floatDataPackedAndUnpacked() {
        ProtoWriter packed = new ProtoWriter().rawFixed32(Float.floatToIntBits(1.5f)).rawFixed32(Float.floatToIntBits(-3f));
        byte[] a = new ProtoWriter().varint(1, 2).varint(2, 1).message(4, packed).toByteArray();
        byte[] b = new ProtoWriter().varint(1, 2).varint(2, 1).float32(4, 1.5f).float32(4, -3f).toByteArray();
        assertArrayEquals(new float[] {1.5f, -3f}, OnnxReader.readTensor(a).floats());
        assertArrayEquals(new float[] {1.5f, -3f}, OnnxReader.readTensor(b).floats());
    }

    @Test
    void int32DataHoldsSmallTypesAndHalfFloatBits() {
        // int8 -5 is stored as the int32 -5 (a 10-byte varint); float16 1.0 as the bits 0x3C00.
        byte[] int8 = new ProtoWriter().varint(1, 3).varint(2, 3).varint(5, -5).varint(5, 127).varint(5, 0).toByteArray();
        assertArrayEquals(new byte[] {-5, 127, 0}, OnnxReader.readTensor(int8).bytes());
        ProtoWriter packedBits = new ProtoWriter().rawVarint(0x3C00).rawVarint(0xC000);
        byte[] half = new ProtoWriter().varint(1, 2).varint(2, 10).message(5, packedBits).toByteArray();
        Tensor h = OnnxReader.readTensor(half);
        assertEquals(DType.FLOAT16, h.dtype());
        assertEquals(1.0, h.getDouble(0));
        assertEquals(-2.0, h.getDouble(1));
        byte[] bool = new ProtoWriter().varint(1, 2).varint(2, 9).varint(5, 1).varint(5, 0).toByteArray();
        assertArrayEquals(new byte[] {1, 0}, OnnxReader.readTensor(bool).bytes());
    }

    @Test
    void int64DoubleAndUint64Data() {
        byte[] i64 = new ProtoWriter().varint(1, 2).varint(2, 7).varint(7, -1).varint(7, 1L << 40).toByteArray();
        assertArrayEquals(new long[] {-1, 1L << 40}, OnnxReader.readTensor(i64).longs());
        ProtoWriter d = new ProtoWriter();
        d.tag(10, 1);
        long bits = Double.doubleToLongBits(0.25);
        for (int k = 0; k < 8; k++) d.raw(new byte[] {(byte) (bits >>> (8 * k))});
        byte[] f64 = new ProtoWriter().varint(2, 11).raw(d.toByteArray()).toByteArray();
        assertEquals(0.25, OnnxReader.readTensor(f64).getDouble(0));
        byte[] u32 = new ProtoWriter().varint(1, 1).varint(2, 12).varint(11, 4_000_000_000L).toByteArray();
        Tensor u = OnnxReader.readTensor(u32);
        assertEquals(DType.UINT32, u.dtype());
        assertEquals(4_000_000_000L, u.getLong(0));
    }

    @Test
    void scalarAndEmptyTensors() {
        byte[] scalar = new ProtoWriter().varint(2, 7).varint(7, 42).toByteArray();
        Tensor s = OnnxReader.readTensor(scalar);
        assertEquals(Shape.scalar(), s.shape());
        assertEquals(42, s.getLong(0));
        byte[] empty = new ProtoWriter().varint(1, 0).varint(1, 3).varint(2, 1).toByteArray();
        assertEquals(Shape.of(0, 3), OnnxReader.readTensor(empty).shape());
    }

    @Test
    void testDataAbsOutputIsAbsOfInput() {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestData.present());
        Path dir = TestData.ROOT.resolve("node/test_abs/test_data_set_0");
        float[] in = OnnxReader.readTensor(dir.resolve("input_0.pb")).floats();
        float[] out = OnnxReader.readTensor(dir.resolve("output_0.pb")).floats();
        assertEquals(60, in.length);
        for (int i = 0; i < in.length; i++) assertEquals(Math.abs(in[i]), out[i]);
    }

    @Test
    void writeTensorReadsBack(@TempDir Path dir) {
        Tensor t = Tensor.ofShorts(DType.BFLOAT16, Shape.of(2), (short) 0x3F80, (short) 0x4000);
        OnnxWriter.writeTensor("t", t, dir.resolve("t.pb"));
        assertEquals(t, OnnxReader.readTensor(dir.resolve("t.pb")));
    }
}
