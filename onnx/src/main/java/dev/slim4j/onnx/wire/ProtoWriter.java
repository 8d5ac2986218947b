package dev.slim4j.onnx.wire;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Appends protobuf fields to a growable byte buffer. Nested messages are encoded separately, then added. */
public final class ProtoWriter {
    private byte[] buf = new byte[64];
    private int size;

    public int size() { return size; }

    public byte[] toByteArray() { return Arrays.copyOf(buf, size); }

    public ProtoWriter tag(int field, int wireType) { return rawVarint((long) field << 3 | wireType); }

    public ProtoWriter varint(int field, long value) { return tag(field, WireType.VARINT).rawVarint(value); }

    /** A varint field, left out when it holds the default 0 (proto2 optional fields set to 0 are still fine to omit). */
    public ProtoWriter varintIfNonZero(int field, long value) { return value == 0 ? this : varint(field, value); }

    public ProtoWriter float32(int field, float value) {
        tag(field, WireType.FIXED32);
        return rawFixed32(Float.floatToRawIntBits(value));
    }

    public ProtoWriter bytes(int field, byte[] value) { return bytes(field, value, 0, value.length); }

    public ProtoWriter bytes(int field, byte[] value, int from, int length) {
        tag(field, WireType.LEN).rawVarint(length);
        return raw(value, from, length);
    }

    public ProtoWriter string(int field, String value) { return bytes(field, value.getBytes(StandardCharsets.UTF_8)); }

    public ProtoWriter stringIfNotEmpty(int field, String value) { return value.isEmpty() ? this : string(field, value); }

    /** A LEN field holding the bytes of {@code segment} (for example a tensor's storage). */
    public ProtoWriter bytes(int field, MemorySegment segment) {
        long n = segment.byteSize();
        if (n > Integer.MAX_VALUE - 16L) throw new IllegalStateException("field of " + n + " bytes is over 2 GiB; use external data");
        tag(field, WireType.LEN).rawVarint(n);
        ensure((int) n);
        MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, 0, buf, size, (int) n);
        size += (int) n;
        return this;
    }

    public ProtoWriter message(int field, ProtoWriter child) { return bytes(field, child.buf, 0, child.size); }

    public ProtoWriter rawVarint(long value) {
        ensure(10);
        while ((value & ~0x7FL) != 0) {
            buf[size++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buf[size++] = (byte) value;
        return this;
    }

    public ProtoWriter rawFixed32(int v) {
        ensure(4);
        buf[size++] = (byte) v;
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 24);
        return this;
    }

    /** Already-encoded bytes (for example fields kept verbatim from a file). */
    public ProtoWriter raw(byte[] bytes) { return raw(bytes, 0, bytes.length); }

    public ProtoWriter raw(byte[] bytes, int from, int length) {
        ensure(length);
        System.arraycopy(bytes, from, buf, size, length);
        size += length;
        return this;
    }

    private void ensure(int extra) {
        if (buf.length - size >= extra) return;
        long want = Math.max((long) buf.length * 2, (long) size + extra);
        if (want > Integer.MAX_VALUE - 16) {
            if ((long) size + extra > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("protobuf message over 2 GiB; write large tensors as external data");
            }
            want = Integer.MAX_VALUE - 16;
        }
        buf = Arrays.copyOf(buf, (int) want);
    }
}
