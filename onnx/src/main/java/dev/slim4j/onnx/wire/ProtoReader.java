package dev.slim4j.onnx.wire;

import dev.slim4j.onnx.ModelFormatException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A cursor over one protobuf message inside a byte array, {@code [pos, limit)}. Every read checks
 * the bounds, so a truncated or forged input fails with a {@link ModelFormatException} naming the
 * message, the field and the byte offset, never with an index error or a huge allocation.
 */
public final class ProtoReader {
    private final byte[] buf;
    private final int limit;
    private final String message;
    private int pos;
    private int tagStart;
    private int tag;

    public ProtoReader(byte[] buf, int from, int to, String message) {
        if (from < 0 || to > buf.length || from > to) {
            throw new IllegalArgumentException("range [" + from + ", " + to + ") outside " + buf.length + " bytes");
        }
        this.buf = buf;
        this.pos = from;
        this.limit = to;
        this.message = message;
    }

    public static ProtoReader of(byte[] buf, String message) { return new ProtoReader(buf, 0, buf.length, message); }

    public String message() { return message; }

    public boolean hasMore() { return pos < limit; }

    /** Reads the next tag; afterwards {@link #field()} and {@link #wireType()} describe it. */
    public void next() {
        tagStart = pos;
        long t = readVarint("tag");
        int field = (int) (t >>> 3);
        if (t >>> 3 > 0x1FFF_FFFFL || field == 0) throw error("field number " + (t >>> 3) + " is invalid, expected 1.." + 0x1FFF_FFFF);
        int wt = (int) (t & 7);
        if (wt != WireType.VARINT && wt != WireType.FIXED64 && wt != WireType.LEN && wt != WireType.FIXED32) {
            throw error("field " + field + " has wire type " + WireType.name(wt) + ", expected VARINT, I64, LEN or I32");
        }
        tag = (int) t;
    }

    public int field() { return tag >>> 3; }

    public int wireType() { return tag & 7; }

    /** Fails unless the current field has {@code expected} wire type. */
    public void expect(int expected, String fieldName) {
        if (wireType() != expected) {
            throw error(fieldName + " (field " + field() + ") expected wire type " + WireType.name(expected)
                    + ", found " + WireType.name(wireType()));
        }
    }

    public long readVarint(String what) {
        long result = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            if (pos >= limit) throw error(what + ": varint truncated at end of " + message);
            byte b = buf[pos++];
            result |= (long) (b & 0x7F) << shift;
            if (b >= 0) return result;
        }
        throw error(what + ": varint longer than 10 bytes");
    }

    /** A varint field value, checking the wire type. */
    public long varint(String fieldName) {
        expect(WireType.VARINT, fieldName);
        return readVarint(fieldName);
    }

    /** An int32 / enum field: a varint that must fit 32 bits (negative ones are sign-extended to 64). */
    public int int32(String fieldName) {
        long v = varint(fieldName);
        if (v != (int) v) throw error(fieldName + " expected a 32-bit value, found " + v);
        return (int) v;
    }

    public int readFixed32(String what) {
        need(4, what);
        int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF) << 16 | (buf[pos + 3] & 0xFF) << 24;
        pos += 4;
        return v;
    }

    public long readFixed64(String what) {
        long lo = readFixed32(what) & 0xFFFF_FFFFL;
        long hi = readFixed32(what) & 0xFFFF_FFFFL;
        return lo | hi << 32;
    }

    public float float32(String fieldName) {
        expect(WireType.FIXED32, fieldName);
        return Float.intBitsToFloat(readFixed32(fieldName));
    }

    /** A length-delimited field: returns its start offset; {@link #end()} gives its end. */
    public Span span(String fieldName) {
        expect(WireType.LEN, fieldName);
        long len = readVarint(fieldName + " length");
        if (len < 0 || len > limit - pos) {
            throw error(fieldName + " (field " + field() + ") claims " + Long.toUnsignedString(len) + " bytes, only "
                    + (limit - pos) + " remain in " + message);
        }
        Span s = new Span(buf, pos, pos + (int) len);
        pos += (int) len;
        return s;
    }

    public ProtoReader message(String fieldName, String childMessage) {
        Span s = span(fieldName);
        return new ProtoReader(buf, s.from(), s.to(), childMessage);
    }

    public String string(String fieldName) { return span(fieldName).string(); }

    public byte[] bytes(String fieldName) { return span(fieldName).copy(); }

    /** Skips the current field's value and returns its whole encoding (tag included). */
    public byte[] skipRaw() {
        skipValue();
        return Arrays.copyOfRange(buf, tagStart, pos);
    }

    public void skipValue() {
        String what = "field " + field();
        switch (wireType()) {
            case WireType.VARINT -> readVarint(what);
            case WireType.FIXED64 -> { need(8, what); pos += 8; }
            case WireType.FIXED32 -> { need(4, what); pos += 4; }
            case WireType.LEN -> span(what);
            default -> throw new IllegalStateException("wire type checked in next()");
        }
    }

    private void need(int n, String what) {
        if (limit - pos < n) throw error(what + ": needs " + n + " bytes, only " + (limit - pos) + " remain in " + message);
    }

    /** An error naming this message and the byte offset of the current field. */
    public ModelFormatException error(String detail) {
        return new ModelFormatException(message + " at byte " + tagStart + ": " + detail);
    }

    /** A length-delimited value: bytes {@code [from, to)} of the input. */
    public record Span(byte[] buf, int from, int to) {
        public int length() { return to - from; }

        public String string() { return new String(buf, from, to - from, StandardCharsets.UTF_8); }

        public byte[] copy() { return Arrays.copyOfRange(buf, from, to); }

        public ProtoReader reader(String message) { return new ProtoReader(buf, from, to, message); }
    }
}
