package dev.slim4j.runtime.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slim4j.ir.AttributeValue;
import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.op.Ops;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/** Runs data-movement ops built from ONNX attributes at a chosen opset, for the family's tests. */
final class ShapeFixtures {
    private ShapeFixtures() {}

    static Attributes attrs(Object... kv) {
        Attributes.Builder b = Attributes.builder();
        for (int i = 0; i < kv.length; i += 2) {
            String name = (String) kv[i];
            switch (kv[i + 1]) {
                case long[] v -> b.put(name, AttributeValue.ints(v));
                case String s -> b.put(name, s);
                case Float f -> b.put(name, f.floatValue());
                case Tensor t -> b.put(name, t);
                case AttributeValue v -> b.put(name, v);
                case Number n -> b.put(name, n.longValue());
                default -> throw new IllegalArgumentException(name);
            }
        }
        return b.build();
    }

    static List<Tensor> run(long opset, String type, Attributes a, int outputs, Tensor... in) {
        return ReferenceOps.evaluate(Ops.create("", type, opset, a), Arrays.asList(in), outputs);
    }

    static Tensor run(long opset, String type, Attributes a, Tensor... in) { return run(opset, type, a, 1, in).get(0); }

    static Tensor run(String type, Tensor... in) { return run(17, type, Attributes.EMPTY, in); }

    static Tensor vec(long... v) { return Tensor.vector(v); }

    /** 0, 1, 2, ... as FLOAT32 in the given shape. */
    static Tensor iota(int... dims) {
        Tensor x = Tensor.allocate(DType.FLOAT32, Shape.of(dims));
        for (int i = 0; i < x.size(); i++) x.setDouble(i, i);
        return x;
    }

    static Tensor floats(int[] dims, double... v) {
        Tensor x = Tensor.allocate(DType.FLOAT32, Shape.of(dims));
        for (int i = 0; i < v.length; i++) x.setDouble(i, v[i]);
        return x;
    }

    static int[] dims(int... d) { return d; }

    static void assertTensor(int[] dims, double[] expected, Tensor actual) {
        assertEquals(Shape.of(dims), actual.shape());
        assertArrayEquals(expected, actual.doubles(), 0);
    }
}
