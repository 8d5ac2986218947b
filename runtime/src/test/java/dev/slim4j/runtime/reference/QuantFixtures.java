package dev.slim4j.runtime.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.op.Ops;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/** Tensors and op runs for the quantization family's tests; results are compared exactly. */
final class QuantFixtures {
    private QuantFixtures() {}

    static List<Tensor> run(String type, long opset, Attributes a, int outputs, Tensor... in) {
        return ReferenceOps.evaluate(Ops.create("", type, opset, a), Arrays.asList(in), outputs);
    }

    static Tensor run(String type, Attributes a, Tensor... in) { return run(type, 13, a, 1, in).get(0); }

    static Tensor run(String type, Tensor... in) { return run(type, Attributes.EMPTY, in); }

    static Tensor u8(int[] dims, long... v) { return ints(DType.UINT8, dims, v); }

    static Tensor i8(int[] dims, long... v) { return ints(DType.INT8, dims, v); }

    static Tensor i32(int[] dims, long... v) { return ints(DType.INT32, dims, v); }

    static Tensor f32(int[] dims, float... v) { return Tensor.ofFloats(Shape.of(dims), v); }

    static Tensor u8(long v) { return u8(new int[0], v); }

    static Tensor i8(long v) { return i8(new int[0], v); }

    static Tensor f32(float v) { return Tensor.scalar(v); }

    static int[] dims(int... d) { return d; }

    static Tensor ints(DType type, int[] dims, long... v) {
        Tensor t = Tensor.allocate(type, Shape.of(dims));
        assertEquals(t.size(), v.length, "fixture size");
        for (int i = 0; i < v.length; i++) t.setLong(i, v[i]);
        return t;
    }

    /** Same type, shape and values, with a readable message. */
    static void assertTensor(Tensor expected, Tensor actual) {
        assertEquals(expected.dtype(), actual.dtype(), "dtype");
        assertEquals(expected.shape(), actual.shape(), "shape");
        for (long i = 0; i < expected.size(); i++) {
            assertEquals(expected.getDouble(i), actual.getDouble(i), 0.0, "element " + i + " of " + actual);
        }
    }
}
