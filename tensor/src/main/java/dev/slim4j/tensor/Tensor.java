package dev.slim4j.tensor;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A dense, row-major tensor. Storage is a little-endian {@link MemorySegment}: usually backed by a
 * Java array of the element type (so kernels can take the array directly), or by a mapped file for
 * large external weights. Tensors are treated as immutable once handed to a graph or a session;
 * only code that allocated a tensor writes into it.
 */
public final class Tensor {
    private static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final ValueLayout.OfDouble F64 = ValueLayout.JAVA_DOUBLE_UNALIGNED;
    private static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfShort I16 = ValueLayout.JAVA_SHORT_UNALIGNED;

    private final DType dtype;
    private final Shape shape;
    private final MemorySegment data;

    private Tensor(DType dtype, Shape shape, MemorySegment data) {
        if (!dtype.isStorable()) throw new IllegalArgumentException("tensors of " + dtype + " are not supported");
        long expected = shape.size() * dtype.byteSize();
        if (data.byteSize() != expected) {
            throw new ShapeException("storage of " + data.byteSize() + " bytes does not match " + dtype + shape
                    + " (" + expected + " bytes)");
        }
        this.dtype = dtype;
        this.shape = shape;
        this.data = data;
    }

    /** A zero-filled tensor on the Java heap, backed by an array of the element type. */
    public static Tensor allocate(DType dtype, Shape shape) {
        int n = shape.intSize();
        MemorySegment seg = switch (dtype) {
            case FLOAT32 -> MemorySegment.ofArray(new float[n]);
            case FLOAT64 -> MemorySegment.ofArray(new double[n]);
            case INT64, UINT64 -> MemorySegment.ofArray(new long[n]);
            case INT32, UINT32 -> MemorySegment.ofArray(new int[n]);
            case FLOAT16, BFLOAT16, INT16, UINT16 -> MemorySegment.ofArray(new short[n]);
            case INT8, UINT8, BOOL -> MemorySegment.ofArray(new byte[n]);
            case STRING -> throw new IllegalArgumentException("tensors of STRING are not supported");
        };
        return new Tensor(dtype, shape, seg);
    }

    /** Wraps existing little-endian storage (for example a mapped external-data file) without copying. */
    public static Tensor wrap(DType dtype, Shape shape, MemorySegment data) {
        requireLittleEndian();
        return new Tensor(dtype, shape, data);
    }

    /** Copies little-endian bytes into a new heap tensor. */
    public static Tensor fromLittleEndianBytes(DType dtype, Shape shape, byte[] bytes) {
        requireLittleEndian();
        Tensor t = allocate(dtype, shape);
        if (bytes.length != t.data.byteSize()) {
            throw new ShapeException(dtype + "" + shape + " needs " + t.data.byteSize() + " bytes, found " + bytes.length);
        }
        MemorySegment.copy(MemorySegment.ofArray(bytes), 0, t.data, 0, bytes.length);
        return t;
    }

    public static Tensor of(float[] values, int... dims) { return ofFloats(Shape.of(dims), values); }

    public static Tensor ofFloats(Shape shape, float... values) {
        return new Tensor(DType.FLOAT32, shape, MemorySegment.ofArray(values));
    }

    public static Tensor ofDoubles(Shape shape, double... values) {
        return new Tensor(DType.FLOAT64, shape, MemorySegment.ofArray(values));
    }

    public static Tensor ofLongs(Shape shape, long... values) {
        return new Tensor(DType.INT64, shape, MemorySegment.ofArray(values));
    }

    public static Tensor ofInts(Shape shape, int... values) {
        return new Tensor(DType.INT32, shape, MemorySegment.ofArray(values));
    }

    /** INT8, UINT8 or BOOL data, one byte per element. */
    public static Tensor ofBytes(DType dtype, Shape shape, byte... values) {
        if (dtype.byteSize() != 1) throw new IllegalArgumentException(dtype + " is not a one-byte type");
        return new Tensor(dtype, shape, MemorySegment.ofArray(values));
    }

    /** FLOAT16, BFLOAT16, INT16 or UINT16 data as raw 16-bit patterns. */
    public static Tensor ofShorts(DType dtype, Shape shape, short... values) {
        if (dtype.byteSize() != 2) throw new IllegalArgumentException(dtype + " is not a two-byte type");
        return new Tensor(dtype, shape, MemorySegment.ofArray(values));
    }

    public static Tensor scalar(float v) { return ofFloats(Shape.scalar(), v); }

    public static Tensor scalarLong(long v) { return ofLongs(Shape.scalar(), v); }

    /** A 1-D INT64 tensor, the usual form of shape-like inputs (Reshape's shape, Slice's starts). */
    public static Tensor vector(long... values) { return ofLongs(Shape.of(values.length), values); }

    public DType dtype() { return dtype; }

    public Shape shape() { return shape; }

    public int rank() { return shape.rank(); }

    public long size() { return shape.size(); }

    /** The little-endian storage; do not write to a tensor you did not allocate. */
    public MemorySegment segment() { return data; }

    /** The backing float[] when this is a heap FLOAT32 tensor (no copy), else a converted copy. */
    public float[] floats() {
        if (dtype == DType.FLOAT32 && data.heapBase().orElse(null) instanceof float[] a
                && data.address() == 0 && a.length == shape.size()) {
            return a;
        }
        float[] out = new float[shape.intSize()];
        for (int i = 0; i < out.length; i++) out[i] = (float) getDouble(i);
        return out;
    }

    /** The backing long[] when this is a heap INT64 tensor (no copy), else a converted copy. */
    public long[] longs() {
        if (dtype == DType.INT64 && data.heapBase().orElse(null) instanceof long[] a
                && data.address() == 0 && a.length == shape.size()) {
            return a;
        }
        long[] out = new long[shape.intSize()];
        for (int i = 0; i < out.length; i++) out[i] = getLong(i);
        return out;
    }

    /** The backing int[] when this is a heap INT32 tensor (no copy), else a converted copy. */
    public int[] ints() {
        if (dtype == DType.INT32 && data.heapBase().orElse(null) instanceof int[] a
                && data.address() == 0 && a.length == shape.size()) {
            return a;
        }
        int[] out = new int[shape.intSize()];
        for (int i = 0; i < out.length; i++) out[i] = (int) getLong(i);
        return out;
    }

    /** The backing byte[] when this is a heap one-byte tensor (no copy), else a copy of the raw bytes. */
    public byte[] bytes() {
        if (dtype.byteSize() == 1 && data.heapBase().orElse(null) instanceof byte[] a
                && data.address() == 0 && a.length == shape.size()) {
            return a;
        }
        return toLittleEndianBytes();
    }

    public double[] doubles() {
        double[] out = new double[shape.intSize()];
        for (int i = 0; i < out.length; i++) out[i] = getDouble(i);
        return out;
    }

    public byte[] toLittleEndianBytes() { return data.toArray(ValueLayout.JAVA_BYTE); }

    /** Element {@code i} (row-major) converted to double; exact for every type but 64-bit integers beyond 2^53. */
    public double getDouble(long i) {
        return switch (dtype) {
            case FLOAT32 -> data.getAtIndex(F32, i);
            case FLOAT64 -> data.getAtIndex(F64, i);
            case FLOAT16 -> Float.float16ToFloat(data.getAtIndex(I16, i));
            case BFLOAT16 -> Float.intBitsToFloat((data.getAtIndex(I16, i) & 0xFFFF) << 16);
            case UINT64 -> {
                long v = data.getAtIndex(I64, i);
                yield v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
            }
            default -> getLong(i);
        };
    }

    /** Element {@code i} as a long: integers exactly (UINT64 as its bit pattern), floats truncated toward zero. */
    public long getLong(long i) {
        return switch (dtype) {
            case INT64, UINT64 -> data.getAtIndex(I64, i);
            case INT32 -> data.getAtIndex(I32, i);
            case UINT32 -> data.getAtIndex(I32, i) & 0xFFFFFFFFL;
            case INT16 -> data.getAtIndex(I16, i);
            case UINT16 -> data.getAtIndex(I16, i) & 0xFFFF;
            case INT8 -> data.get(ValueLayout.JAVA_BYTE, i);
            case UINT8, BOOL -> data.get(ValueLayout.JAVA_BYTE, i) & 0xFF;
            default -> (long) getDouble(i);
        };
    }

    public float getFloat(long i) { return dtype == DType.FLOAT32 ? data.getAtIndex(F32, i) : (float) getDouble(i); }

    public boolean getBoolean(long i) { return getDouble(i) != 0; }

    /**
     * Stores {@code v} converted to this tensor's type: floats round to nearest (FLOAT16 and BFLOAT16
     * included), integers truncate toward zero and wrap like a C cast, BOOL stores v != 0.
     */
    public void setDouble(long i, double v) {
        switch (dtype) {
            case FLOAT32 -> data.setAtIndex(F32, i, (float) v);
            case FLOAT64 -> data.setAtIndex(F64, i, v);
            case FLOAT16 -> data.setAtIndex(I16, i, Float.floatToFloat16((float) v));
            case BFLOAT16 -> data.setAtIndex(I16, i, BFloat16.fromFloat((float) v));
            case BOOL -> data.set(ValueLayout.JAVA_BYTE, i, (byte) (v != 0 ? 1 : 0));
            case UINT64 -> setLong(i, v >= 0x1p63 ? (long) (v - 0x1p63) ^ Long.MIN_VALUE : (long) v);
            default -> setLong(i, (long) v);
        }
    }

    /** Stores {@code v} converted to this tensor's type (integers wrap, floats round to nearest). */
    public void setLong(long i, long v) {
        switch (dtype) {
            case INT64, UINT64 -> data.setAtIndex(I64, i, v);
            case INT32, UINT32 -> data.setAtIndex(I32, i, (int) v);
            case INT16, UINT16 -> data.setAtIndex(I16, i, (short) v);
            case INT8, UINT8 -> data.set(ValueLayout.JAVA_BYTE, i, (byte) v);
            case BOOL -> data.set(ValueLayout.JAVA_BYTE, i, (byte) (v != 0 ? 1 : 0));
            default -> setDouble(i, v);
        }
    }

    public void setFloat(long i, float v) {
        if (dtype == DType.FLOAT32) data.setAtIndex(F32, i, v); else setDouble(i, v);
    }

    /** Same storage, new shape with the same number of elements. */
    public Tensor reshape(Shape newShape) {
        if (newShape.size() != shape.size()) {
            throw new ShapeException("cannot reshape " + shape + " (" + shape.size() + " elements) to " + newShape);
        }
        return new Tensor(dtype, newShape, data);
    }

    /** A heap copy that the caller may write to. */
    public Tensor copy() {
        Tensor t = allocate(dtype, shape);
        MemorySegment.copy(data, 0, t.data, 0, data.byteSize());
        return t;
    }

    /** Converts every element to {@code target} with {@link #setDouble} / {@link #setLong} semantics. */
    public Tensor cast(DType target) {
        Tensor out = allocate(target, shape);
        long n = size();
        boolean integral = !dtype.isFloatingPoint() && !target.isFloatingPoint();
        for (long i = 0; i < n; i++) {
            if (integral) out.setLong(i, getLong(i)); else out.setDouble(i, getDouble(i));
        }
        return out;
    }

    /** Equal type, shape and bytes. NaNs with equal bit patterns are equal. */
    @Override public boolean equals(Object o) {
        return o instanceof Tensor t && t.dtype == dtype && t.shape.equals(shape)
                && data.mismatch(t.data) == -1;
    }

    @Override public int hashCode() {
        int h = 31 * dtype.hashCode() + shape.hashCode();
        long n = Math.min(data.byteSize(), 64);
        for (long i = 0; i < n; i++) h = 31 * h + data.get(ValueLayout.JAVA_BYTE, i);
        return h;
    }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder(dtype.name().toLowerCase()).append(shape);
        long n = Math.min(size(), 8);
        double[] head = new double[(int) n];
        for (int i = 0; i < n; i++) head[i] = getDouble(i);
        sb.append(Arrays.toString(head));
        if (size() > n) sb.setLength(sb.length() - 1);
        if (size() > n) sb.append(", ...]");
        return sb.toString();
    }

    private static void requireLittleEndian() {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new UnsupportedOperationException("slim4j needs a little-endian platform");
        }
    }
}
