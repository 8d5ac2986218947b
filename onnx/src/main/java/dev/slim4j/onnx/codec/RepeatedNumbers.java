package dev.slim4j.onnx.codec;

import dev.slim4j.onnx.ModelFormatException;
import dev.slim4j.onnx.wire.ProtoReader;
import dev.slim4j.onnx.wire.WireType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The occurrences of one repeated numeric field, packed or not, kept undecoded until the element
 * type is known. Counting is cheap and needs no allocation, so sizes are checked before any array
 * is made.
 */
final class RepeatedNumbers {
    /** Receives element {@code index} as raw bits (a varint value or the bits of a fixed-width number). */
    interface Sink {
        void set(int index, long bits);
    }

    private final String field;
    private final int scalarWireType;
    private final List<ProtoReader.Span> packed = new ArrayList<>();
    private final List<Long> packedStarts = new ArrayList<>();
    private long[] single = new long[0];
    private long[] singleIndex = new long[0];
    private int singles;
    private long count;

    RepeatedNumbers(String field, int scalarWireType) {
        this.field = field;
        this.scalarWireType = scalarWireType;
    }

    String field() { return field; }

    /** Reads one occurrence of the field at the reader's current tag. */
    void add(ProtoReader r) {
        if (r.wireType() == WireType.LEN) {
            ProtoReader.Span s = r.span(field);
            if (scalarWireType != WireType.VARINT && s.length() % width() != 0) {
                throw r.error("packed " + field + " has " + s.length() + " bytes, expected a multiple of " + width());
            }
            packed.add(s);
            packedStarts.add(count);
            count += scalarWireType == WireType.VARINT ? varintCount(s) : s.length() / width();
            return;
        }
        r.expect(scalarWireType, field);
        if (singles == single.length) {
            single = Arrays.copyOf(single, Math.max(8, singles * 2));
            singleIndex = Arrays.copyOf(singleIndex, single.length);
        }
        single[singles] = readOne(r);
        singleIndex[singles++] = count++;
    }

    boolean isEmpty() { return count == 0 && packed.isEmpty(); }

    long count() { return count; }

    /** Calls {@code sink} for every element (index in file order); call only after checking {@link #count()}. */
    void forEach(Sink sink) {
        for (int i = 0; i < singles; i++) sink.set((int) singleIndex[i], single[i]);
        for (int p = 0; p < packed.size(); p++) {
            ProtoReader r = packed.get(p).reader(field);
            int index = (int) (long) packedStarts.get(p);
            while (r.hasMore()) sink.set(index++, readOne(r));
        }
    }

    private long readOne(ProtoReader r) {
        return switch (scalarWireType) {
            case WireType.VARINT -> r.readVarint(field);
            case WireType.FIXED32 -> r.readFixed32(field) & 0xFFFF_FFFFL;
            default -> r.readFixed64(field);
        };
    }

    private int width() { return scalarWireType == WireType.FIXED32 ? 4 : 8; }

    private long varintCount(ProtoReader.Span s) {
        byte[] b = s.buf();
        long n = 0;
        for (int i = s.from(); i < s.to(); i++) if (b[i] >= 0) n++;
        if (s.length() > 0 && b[s.to() - 1] < 0) {
            throw new ModelFormatException("packed " + field + " ends inside a varint");
        }
        return n;
    }
}
