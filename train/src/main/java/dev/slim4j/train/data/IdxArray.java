package dev.slim4j.train.data;

import java.util.Arrays;

/**
 * The content of one IDX file of unsigned bytes: its magic number, its dimensions and its data,
 * row-major. The data array is held, not copied; callers must not modify it.
 */
public final class IdxArray {
    private final int magic;
    private final int[] dims;
    private final byte[] data;

    IdxArray(int magic, int[] dims, byte[] data) {
        long size = 1;
        for (int d : dims) size *= d;
        if (size != data.length) {
            throw new IllegalArgumentException("dims " + Arrays.toString(dims) + " need " + size
                    + " bytes, found " + data.length);
        }
        this.magic = magic;
        this.dims = dims.clone();
        this.data = data;
    }

    /** The 32-bit magic number, for example 0x00000803 for a rank-3 array of unsigned bytes. */
    public int magic() { return magic; }

    public int rank() { return dims.length; }

    public int dim(int axis) { return dims[axis]; }

    public int[] dims() { return dims.clone(); }

    /** Element {@code i} (row-major) as an unsigned value 0..255. */
    public int unsignedByte(int i) { return data[i] & 0xFF; }

    /** Number of elements. */
    public int size() { return data.length; }

    /** The backing array (not a copy); used by data sets in this package to hold the bytes once. */
    byte[] data() { return data; }

    /** Fails unless this array has the given rank; {@code what} names the content for the message. */
    public IdxArray requireRank(int rank, String what) {
        if (dims.length != rank) {
            throw new IdxFormatException("expected " + what + " of rank " + rank + " (magic 0x"
                    + String.format("%08X", 0x800 | rank) + "), found rank " + dims.length
                    + " (magic 0x" + String.format("%08X", magic) + ")");
        }
        return this;
    }

    @Override public String toString() {
        return "IdxArray" + Arrays.toString(dims);
    }
}
