package dev.slim4j.runtime.reference;

import static dev.slim4j.runtime.reference.ElementwiseReferenceTest.assertClose;
import static dev.slim4j.runtime.reference.ElementwiseReferenceTest.run;
import static dev.slim4j.runtime.reference.ElementwiseReferenceTest.vec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slim4j.ir.op.Binary;
import dev.slim4j.ir.op.BinaryFunction;
import dev.slim4j.ir.op.Mod;
import dev.slim4j.ir.op.Variadic;
import dev.slim4j.ir.op.VariadicFunction;
import dev.slim4j.ir.op.Where;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.ShapeException;
import dev.slim4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class BinaryReferenceTest {
    private static Tensor binary(BinaryFunction f, Tensor a, Tensor b) { return run(new Binary(f), a, b); }

    private static Tensor ints(int[] dims, int... v) { return Tensor.ofInts(Shape.of(dims), v); }

    @Test
    void addBroadcastsRowAgainstColumn() {
        Tensor col = Tensor.of(new float[] {10, 20}, 2, 1);
        Tensor row = vec(1, 2, 3);
        Tensor y = binary(BinaryFunction.ADD, col, row);
        assertEquals(Shape.of(2, 3), y.shape());
        assertClose(new float[] {11, 12, 13, 21, 22, 23}, y);
        assertClose(new float[] {9, 8, 7, 19, 18, 17}, binary(BinaryFunction.SUB, col, row));
        assertClose(new float[] {10, 20, 30, 20, 40, 60}, binary(BinaryFunction.MUL, col, row));
        assertClose(new float[] {10, 5, 10f / 3, 20, 10, 20f / 3}, binary(BinaryFunction.DIV, col, row));
        assertThrows(ShapeException.class, () -> binary(BinaryFunction.ADD, vec(1, 2), row));
    }

    @Test
    void integerDivisionTruncatesTowardZero() {
        Tensor a = ints(new int[] {4}, 7, -7, 7, -7);
        Tensor b = ints(new int[] {4}, 2, 2, -2, -2);
        assertArrayEquals(new int[] {3, -3, -3, 3}, binary(BinaryFunction.DIV, a, b).ints());
        assertThrows(ArithmeticException.class, () -> binary(BinaryFunction.DIV, a, ints(new int[] {}, 0)));
    }

    @Test
    void uint8ArithmeticWraps() {
        Tensor a = Tensor.ofBytes(DType.UINT8, Shape.of(2), (byte) 250, (byte) 3);
        Tensor b = Tensor.ofBytes(DType.UINT8, Shape.of(2), (byte) 10, (byte) 5);
        assertArrayEquals(new byte[] {4, 8}, binary(BinaryFunction.ADD, a, b).bytes());
        assertArrayEquals(new byte[] {25, 0}, binary(BinaryFunction.DIV, a, b).bytes());
        assertArrayEquals(new byte[] {1, 0}, binary(BinaryFunction.GREATER, a, b).bytes());
    }

    @Test
    void powKeepsTheBaseType() {
        assertClose(new float[] {1, 8, 0.5f}, binary(BinaryFunction.POW, vec(1, 2, 4), vec(3, 3, -0.5f)));
        Tensor y = binary(BinaryFunction.POW, ints(new int[] {3}, 1, 2, 3), vec(4, 5, 6));
        assertEquals(DType.INT32, y.dtype());
        assertArrayEquals(new int[] {1, 32, 729}, y.ints());
        assertArrayEquals(new long[] {1L << 40, 1}, binary(BinaryFunction.POW, Tensor.vector(2, 5),
                Tensor.vector(40, 0)).longs());
    }

    @Test
    void comparisonsAndLogicGiveBool() {
        Tensor a = vec(1, 2, 3);
        Tensor b = Tensor.scalar(2);
        assertArrayEquals(new byte[] {0, 1, 0}, binary(BinaryFunction.EQUAL, a, b).bytes());
        assertArrayEquals(new byte[] {1, 0, 0}, binary(BinaryFunction.LESS, a, b).bytes());
        assertArrayEquals(new byte[] {1, 1, 0}, binary(BinaryFunction.LESS_OR_EQUAL, a, b).bytes());
        assertArrayEquals(new byte[] {0, 0, 1}, binary(BinaryFunction.GREATER, a, b).bytes());
        assertArrayEquals(new byte[] {0, 1, 1}, binary(BinaryFunction.GREATER_OR_EQUAL, a, b).bytes());
        Tensor p = Tensor.ofBytes(DType.BOOL, Shape.of(4), (byte) 0, (byte) 0, (byte) 1, (byte) 1);
        Tensor q = Tensor.ofBytes(DType.BOOL, Shape.of(4), (byte) 0, (byte) 1, (byte) 0, (byte) 1);
        assertArrayEquals(new byte[] {0, 0, 0, 1}, binary(BinaryFunction.AND, p, q).bytes());
        assertArrayEquals(new byte[] {0, 1, 1, 1}, binary(BinaryFunction.OR, p, q).bytes());
        assertArrayEquals(new byte[] {0, 1, 1, 0}, binary(BinaryFunction.XOR, p, q).bytes());
        Tensor big = Tensor.ofLongs(Shape.of(1), -1L).cast(DType.UINT64);
        assertArrayEquals(new byte[] {1}, binary(BinaryFunction.GREATER, big, Tensor.ofLongs(Shape.of(1), 1).cast(DType.UINT64)).bytes());
    }

    @Test
    void preluBroadcastsTheSlopePerChannel() {
        Tensor x = Tensor.of(new float[] {-1, 2, -3, 4}, 2, 2);
        Tensor slope = vec(0.5f, 0.25f);
        assertClose(new float[] {-0.5f, 2, -1.5f, 4}, binary(BinaryFunction.PRELU, x, slope));
    }

    @Test
    void modSignFollowsDivisorOrDividend() {
        Tensor a = ints(new int[] {4}, 7, -7, 7, -7);
        Tensor b = ints(new int[] {4}, 3, 3, -3, -3);
        assertArrayEquals(new int[] {1, 2, -2, -1}, run(new Mod(false), a, b).ints());
        assertArrayEquals(new int[] {1, -1, 1, -1}, run(new Mod(true), a, b).ints());
        assertClose(new float[] {1.5f, -1.5f}, run(new Mod(true), vec(5.5f, -5.5f), Tensor.scalar(2)));
    }

    @Test
    void variadicOpsBroadcastEveryInput() {
        Tensor a = vec(1, 5, 3);
        Tensor b = Tensor.of(new float[] {4, 2}, 2, 1);
        Tensor c = Tensor.scalar(0);
        assertClose(new float[] {5, 9, 7, 3, 7, 5}, run(new Variadic(VariadicFunction.SUM), a, b, c));
        assertClose(new float[] {4, 5, 4, 2, 5, 3}, run(new Variadic(VariadicFunction.MAX), a, b, c));
        assertClose(new float[] {0, 0, 0, 0, 0, 0}, run(new Variadic(VariadicFunction.MIN), a, b, c));
        assertClose(new float[] {2.5f, 4.5f, 3.5f, 1.5f, 3.5f, 2.5f}, run(new Variadic(VariadicFunction.MEAN), a, b));
        assertClose(new float[] {1, 5, 3}, run(new Variadic(VariadicFunction.MAX), a));
        assertClose(new float[] {Float.NaN, 5}, run(new Variadic(VariadicFunction.MAX), vec(Float.NaN, 1), vec(0, 5)));
    }

    @Test
    void whereSelectsWithBroadcasting() {
        Tensor cond = Tensor.ofBytes(DType.BOOL, Shape.of(2, 1), (byte) 1, (byte) 0);
        Tensor x = Tensor.vector(1, 2);
        Tensor y = Tensor.scalarLong(9);
        Tensor out = run(new Where(), cond, x, y);
        assertEquals(Shape.of(2, 2), out.shape());
        assertArrayEquals(new long[] {1, 2, 9, 9}, out.longs());
    }
}
