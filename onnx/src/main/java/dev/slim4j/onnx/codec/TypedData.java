package dev.slim4j.onnx.codec;

import dev.slim4j.onnx.ModelFormatException;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * A tensor stored in TensorProto's typed repeated fields. Per onnx.proto: float_data holds FLOAT;
 * int32_data holds INT32, INT16, INT8, UINT16, UINT8, BOOL and the bits of FLOAT16 and BFLOAT16;
 * int64_data INT64; double_data DOUBLE; uint64_data UINT32 and UINT64.
 */
final class TypedData {
    private TypedData() {}

    static Tensor decode(String what, DType dtype, Shape shape, RepeatedNumbers field, List<RepeatedNumbers> all) {
        for (RepeatedNumbers other : all) {
            if (other != field && !other.isEmpty()) {
                throw new ModelFormatException(what + ": " + other.field() + " given for a " + dtype + " tensor, expected "
                        + field.field() + " or raw_data");
            }
        }
        long n = shape.size();
        if (field.count() != n) {
            throw new ModelFormatException(what + ": " + field.field() + " has " + field.count() + " elements, expected "
                    + n + " for " + dtype + shape);
        }
        return Tensor.wrap(dtype, shape, fill(dtype, (int) n, field));
    }

    private static MemorySegment fill(DType dtype, int n, RepeatedNumbers field) {
        return switch (dtype) {
            case FLOAT32 -> { float[] a = new float[n]; field.forEach((i, v) -> a[i] = Float.intBitsToFloat((int) v)); yield MemorySegment.ofArray(a); }
            case FLOAT64 -> { double[] a = new double[n]; field.forEach((i, v) -> a[i] = Double.longBitsToDouble(v)); yield MemorySegment.ofArray(a); }
            case INT64, UINT64 -> { long[] a = new long[n]; field.forEach((i, v) -> a[i] = v); yield MemorySegment.ofArray(a); }
            case INT32, UINT32 -> { int[] a = new int[n]; field.forEach((i, v) -> a[i] = (int) v); yield MemorySegment.ofArray(a); }
            case INT16, UINT16, FLOAT16, BFLOAT16 -> { short[] a = new short[n]; field.forEach((i, v) -> a[i] = (short) v); yield MemorySegment.ofArray(a); }
            case INT8, UINT8 -> { byte[] a = new byte[n]; field.forEach((i, v) -> a[i] = (byte) v); yield MemorySegment.ofArray(a); }
            case BOOL -> { byte[] a = new byte[n]; field.forEach((i, v) -> a[i] = (byte) (v != 0 ? 1 : 0)); yield MemorySegment.ofArray(a); }
            case STRING -> throw new ModelFormatException("string tensors are not supported");
        };
    }
}
