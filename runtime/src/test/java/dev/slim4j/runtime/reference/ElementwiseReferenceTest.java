package dev.slim4j.runtime.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.ir.op.Cast;
import dev.slim4j.ir.op.Celu;
import dev.slim4j.ir.op.Clip;
import dev.slim4j.ir.op.Elu;
import dev.slim4j.ir.op.HardSigmoid;
import dev.slim4j.ir.op.IsInf;
import dev.slim4j.ir.op.LeakyRelu;
import dev.slim4j.ir.op.Op;
import dev.slim4j.ir.op.Selu;
import dev.slim4j.ir.op.ThresholdedRelu;
import dev.slim4j.ir.op.Unary;
import dev.slim4j.ir.op.UnaryFunction;
import dev.slim4j.ir.op.UnsupportedOpException;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ElementwiseReferenceTest {
    static Tensor run(Op op, Tensor... inputs) { return ReferenceOps.evaluate(op, Arrays.asList(inputs), 1).getFirst(); }

    static Tensor vec(float... v) { return Tensor.of(v, v.length); }

    static void assertClose(float[] expected, Tensor actual) {
        float[] a = actual.floats();
        assertEquals(expected.length, a.length, "element count");
        for (int i = 0; i < a.length; i++) {
            if (Float.isNaN(expected[i])) assertTrue(Float.isNaN(a[i]), "element " + i + " should be NaN, is " + a[i]);
            else assertEquals(expected[i], a[i], 1e-6f + 1e-5f * Math.abs(expected[i]), "element " + i);
        }
    }

    private static Tensor unary(UnaryFunction f, Tensor x) { return run(new Unary(f), x); }

    @Test
    void activations() {
        Tensor x = vec(-2, 0, 3);
        assertClose(new float[] {0, 0, 3}, unary(UnaryFunction.RELU, x));
        assertClose(new float[] {-0.2f, 0, 3}, run(new LeakyRelu(0.1f), x));
        assertClose(new float[] {(float) (1 / (1 + Math.exp(2))), 0.5f, (float) (1 / (1 + Math.exp(-3)))},
                unary(UnaryFunction.SIGMOID, x));
        // HardSigmoid(0.2, 0.5): -2 -> 0.1, 0 -> 0.5, 3 -> 1.1 clamped to 1.
        assertClose(new float[] {0.1f, 0.5f, 1}, run(new HardSigmoid(0.2f, 0.5f), x));
        // HardSwish: x * clamp(x/6 + 1/2, 0, 1): -2 -> -2/6, 3 -> 3.
        assertClose(new float[] {-2f / 6, 0, 3}, unary(UnaryFunction.HARD_SWISH, x));
        assertClose(new float[] {(float) Math.expm1(-2), 0, 3}, run(new Elu(1), x));
        assertClose(new float[] {(float) (2 * Math.expm1(-1)), 0, 3}, run(new Celu(2), x));
        assertClose(new float[] {(float) (3 * 2 * Math.expm1(-2)), 0, 9}, run(new Selu(2, 3), x));
        assertClose(new float[] {0, 0, 3}, run(new ThresholdedRelu(1), x));
        assertClose(new float[] {-2f / 3, 0, 0.75f}, unary(UnaryFunction.SOFTSIGN, x));
        assertClose(new float[] {(float) Math.log1p(Math.exp(-2)), (float) Math.log(2), (float) Math.log1p(Math.exp(3))},
                unary(UnaryFunction.SOFTPLUS, x));
    }

    @Test
    void erfMatchesTabulatedValues() {
        // Abramowitz & Stegun table 7.1.
        Tensor y = unary(UnaryFunction.ERF, Tensor.ofDoubles(Shape.of(6), 0, 0.5, 1, 2, -3, 4));
        double[] expected = {0, 0.5204998778, 0.8427007929, 0.9953222650, -0.9999779095, 0.9999999846};
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], y.getDouble(i), 1e-9, "erf element " + i);
    }

    @Test
    void roundingAndSign() {
        Tensor x = vec(-2.5f, -1.5f, 0.5f, 1.5f, 2.4f);
        assertClose(new float[] {-2, -2, 0, 2, 2}, unary(UnaryFunction.ROUND, x));
        assertClose(new float[] {-3, -2, 0, 1, 2}, unary(UnaryFunction.FLOOR, x));
        assertClose(new float[] {-2, -1, 1, 2, 3}, unary(UnaryFunction.CEIL, x));
        assertClose(new float[] {-1, -1, 1, 1, 1}, unary(UnaryFunction.SIGN, x));
        assertClose(new float[] {-0.4f, -2f / 3, 2, 2f / 3, 1 / 2.4f}, unary(UnaryFunction.RECIPROCAL, x));
    }

    @Test
    void integerInputsStayExact() {
        Tensor x = Tensor.ofLongs(Shape.of(3), -5, 0, Long.MAX_VALUE);
        assertArrayEquals(new long[] {5, 0, Long.MAX_VALUE}, unary(UnaryFunction.ABS, x).longs());
        assertArrayEquals(new long[] {5, 0, -Long.MAX_VALUE}, unary(UnaryFunction.NEG, x).longs());
        Tensor b = Tensor.ofBytes(DType.BOOL, Shape.of(2), (byte) 1, (byte) 0);
        assertArrayEquals(new byte[] {0, 1}, unary(UnaryFunction.NOT, b).bytes());
    }

    @Test
    void predicatesGiveBool() {
        Tensor x = vec(Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1);
        Tensor nan = unary(UnaryFunction.IS_NAN, x);
        assertEquals(DType.BOOL, nan.dtype());
        assertArrayEquals(new byte[] {1, 0, 0, 0}, nan.bytes());
        assertArrayEquals(new byte[] {0, 1, 1, 0}, run(new IsInf(true, true), x).bytes());
        assertArrayEquals(new byte[] {0, 0, 1, 0}, run(new IsInf(true, false), x).bytes());
    }

    @Test
    void clipWithOptionalInputBoundsAndAttributes() {
        Tensor x = vec(-3, 0, 3);
        Clip inputs = Clip.withInputBounds();
        assertClose(new float[] {-1, 0, 2}, run(inputs, x, Tensor.scalar(-1), Tensor.scalar(2)));
        assertClose(new float[] {-3, 0, 2}, run(inputs, x, null, Tensor.scalar(2)));
        assertClose(new float[] {-1, 0, 3}, run(inputs, x, Tensor.scalar(-1)));
        assertClose(new float[] {-3, 0, 3}, run(inputs, x));
        assertClose(new float[] {0, 0, 3}, run(new Clip(Optional.of(0f), Optional.empty()), x));
        Tensor i8 = Tensor.ofBytes(DType.INT8, Shape.of(3), (byte) -100, (byte) 5, (byte) 100);
        Tensor lo = Tensor.ofBytes(DType.INT8, Shape.scalar(), (byte) 0);
        assertArrayEquals(new byte[] {0, 5, 100}, run(inputs, i8, lo).bytes());
    }

    @Test
    void castFollowsOnnxRules() {
        Tensor x = vec(-1.7f, 0, 2.5f, 70000);
        assertArrayEquals(new int[] {-1, 0, 2, 70000}, run(new Cast(DType.INT32), x).ints());
        assertArrayEquals(new byte[] {1, 0, 1, 1}, run(new Cast(DType.BOOL), x).bytes());
        Tensor half = run(new Cast(DType.FLOAT16), x);
        assertEquals(DType.FLOAT16, half.dtype());
        assertEquals(Double.POSITIVE_INFINITY, half.getDouble(3));
        assertEquals(2.5, half.getDouble(2));
        assertEquals(DType.FLOAT64, run(new Cast(DType.FLOAT64), x).dtype());
        assertThrows(UnsupportedOpException.class, () -> run(new Cast(DType.STRING), x));
    }

    @Test
    void float16InputsComputeInDoubleAndRoundOnce() {
        Tensor x = vec(1, 4, 9).cast(DType.FLOAT16);
        Tensor y = unary(UnaryFunction.SQRT, x);
        assertEquals(DType.FLOAT16, y.dtype());
        assertEquals(List.of(1.0, 2.0, 3.0), Arrays.stream(y.doubles()).boxed().toList());
    }
}
