package dev.slim4j.ir;

import java.util.Arrays;

/**
 * Fields of a model file that the IR does not interpret (doc strings, metadata of nodes, fields
 * added by newer format versions), kept verbatim in their wire encoding so that a reader and
 * writer can carry them through a round trip unchanged. Empty for graphs built in Java.
 */
public final class RawFields {
    public static final RawFields EMPTY = new RawFields(new byte[0]);
    private final byte[] bytes;

    private RawFields(byte[] bytes) { this.bytes = bytes; }

    public static RawFields of(byte[] encoded) { return encoded.length == 0 ? EMPTY : new RawFields(encoded.clone()); }

    public byte[] bytes() { return bytes.clone(); }

    public boolean isEmpty() { return bytes.length == 0; }

    @Override public boolean equals(Object o) { return o instanceof RawFields r && Arrays.equals(bytes, r.bytes); }

    @Override public int hashCode() { return Arrays.hashCode(bytes); }

    @Override public String toString() { return "RawFields[" + bytes.length + " bytes]"; }
}
