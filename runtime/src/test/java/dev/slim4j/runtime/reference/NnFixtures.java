package dev.slim4j.runtime.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slim4j.ir.AttributeValue;
import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.op.Op;
import dev.slim4j.ir.op.Ops;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Builds ops from ONNX-style attributes and runs them through the reference, for the NN family's tests. */
final class NnFixtures {
    private NnFixtures() {}

    static Attributes attrs(Object... kv) {
        Attributes.Builder b = Attributes.builder();
        for (int i = 0; i < kv.length; i += 2) {
            String name = (String) kv[i];
            switch (kv[i + 1]) {
                case long[] v -> b.put(name, AttributeValue.ints(v));
                case String s -> b.put(name, s);
                case Float f -> b.put(name, f.floatValue());
                case Number n -> b.put(name, n.longValue());
                default -> throw new IllegalArgumentException(name);
            }
        }
        return b.build();
    }

    static long[] ints(long... v) { return v; }

    static Op op(String type, Attributes a) { return Ops.create("", type, 17, a); }

    static Tensor run(String type, Attributes a, Tensor... in) { return ReferenceOps.evaluate(op(type, a), Arrays.asList(in), 1).get(0); }

    static List<Tensor> run(String type, Attributes a, int outputs, Tensor... in) {
        return ReferenceOps.evaluate(op(type, a), Arrays.asList(in), outputs);
    }

    static Tensor t(int[] dims, double... v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        return Tensor.ofFloats(Shape.of(dims), f);
    }

    static int[] dims(int... d) { return d; }

    /** 0, 1, 2, ... in the given shape. */
    static Tensor iota(int... dims) {
        Tensor x = Tensor.allocate(dev.slim4j.tensor.DType.FLOAT32, Shape.of(dims));
        for (int i = 0; i < x.size(); i++) x.setDouble(i, i);
        return x;
    }

    static Tensor random(Random r, int... dims) {
        Tensor x = Tensor.allocate(dev.slim4j.tensor.DType.FLOAT64, Shape.of(dims));
        for (int i = 0; i < x.size(); i++) x.setDouble(i, r.nextGaussian());
        return x;
    }

    static void assertTensor(int[] dims, double[] expected, Tensor actual) {
        assertEquals(Shape.of(dims), actual.shape());
        assertArrayEquals(expected, actual.doubles(), 1e-5);
    }
}
