package dev.slim4j.ir.op;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.ir.Dim;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.ShapeException;
import dev.slim4j.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ElementwiseTypesTest {
    private static final DType F = DType.FLOAT32;

    private static TensorType infer(Op op, TensorType... inputs) { return op.inferTypes(TypesOnly.of(inputs)).getFirst(); }

    @Test
    void binaryBroadcastsAndComparisonsGiveBool() {
        TensorType a = TensorType.of(F, List.of(Dim.symbol("N"), Dim.of(1), Dim.of(4)));
        TensorType b = TensorType.of(F, 3, 1);
        assertEquals(TensorType.of(F, List.of(Dim.symbol("N"), Dim.of(3), Dim.of(4))), infer(new Binary(BinaryFunction.ADD), a, b));
        assertEquals(TensorType.of(DType.BOOL, 3, 4), infer(new Binary(BinaryFunction.LESS), TensorType.of(F, 4), b));
        assertEquals(TensorType.of(DType.INT32, 3), infer(new Binary(BinaryFunction.POW), TensorType.of(DType.INT32, 3), TensorType.of(F, 3)));
    }

    @Test
    void binaryRejectsMixedTypesAndBadShapes() {
        var e = assertThrows(ShapeException.class,
                () -> infer(new Binary(BinaryFunction.MUL), TensorType.of(F, 2), TensorType.of(DType.INT64, 2)));
        assertTrue(e.getMessage().contains("expected inputs of one element type"), e.getMessage());
        assertThrows(ShapeException.class, () -> infer(new Binary(BinaryFunction.MUL), TensorType.of(F, 2), TensorType.of(F, 3)));
    }

    @Test
    void variadicWhereAndModBroadcastAllInputs() {
        assertEquals(TensorType.of(F, 2, 3), infer(new Variadic(VariadicFunction.MAX), TensorType.of(F, 3), TensorType.of(F, 2, 1), TensorType.of(F)));
        assertEquals(TensorType.of(F, 5), infer(new Variadic(VariadicFunction.SUM), TensorType.of(F, 5)));
        assertEquals(TensorType.of(DType.INT64, 2, 2),
                infer(new Where(), TensorType.of(DType.BOOL, 2, 1), TensorType.of(DType.INT64, 2), TensorType.of(DType.INT64)));
        assertThrows(ShapeException.class, () -> infer(new Where(), TensorType.of(F, 2), TensorType.of(F, 2), TensorType.of(F, 2)));
        assertEquals(TensorType.of(DType.INT8, 4, 2), infer(new Mod(false), TensorType.of(DType.INT8, 4, 1), TensorType.of(DType.INT8, 2)));
    }

    @Test
    void unaryCastAndPredicatesSetTheOutputType() {
        TensorType x = TensorType.of(F, 2, 3);
        assertEquals(x, infer(new Unary(UnaryFunction.SIGMOID), x));
        assertEquals(x.withDtype(DType.BOOL), infer(new Unary(UnaryFunction.IS_NAN), x));
        assertEquals(x.withDtype(DType.BOOL), infer(new IsInf(true, true), x));
        assertEquals(x.withDtype(DType.FLOAT16), infer(new Cast(DType.FLOAT16), x));
        assertEquals(x.withDtype(DType.INT64), infer(new CastLike(), x, TensorType.of(DType.INT64)));
        assertEquals(x, infer(Clip.withInputBounds(), x, TensorType.of(F), TensorType.of(F)));
    }

    @Test
    void reductionsWithAttributeAxesAndKeepdims() {
        TensorType x = TensorType.of(F, List.of(Dim.symbol("N"), Dim.of(3), Dim.of(4)));
        Reduce keep = new Reduce(ReduceFunction.MEAN, Optional.of(List.of(-1L)), true, false, false);
        assertEquals(TensorType.of(F, List.of(Dim.symbol("N"), Dim.of(3), Dim.of(1))), infer(keep, x));
        Reduce drop = new Reduce(ReduceFunction.MAX, Optional.of(List.of(0L, 2L)), false, false, false);
        assertEquals(TensorType.of(F, 3), infer(drop, x));
        Reduce all = new Reduce(ReduceFunction.L2, Optional.empty(), false, false, false);
        assertEquals(TensorType.of(F), infer(all, x));
    }

    @Test
    void reductionsWithAxesInputUseConstantsWhenKnown() {
        TensorType x = TensorType.of(F, 2, 3, 4);
        TensorType axesType = TensorType.of(DType.INT64, 1);
        Reduce sum = new Reduce(ReduceFunction.SUM, Optional.empty(), false, true, false);
        var known = new TypesOnly(List.of(x, axesType), Map.of(1, Tensor.vector(-2)), 13);
        assertEquals(TensorType.of(F, 2, 4), sum.inferTypes(known).getFirst());
        var unknown = new TypesOnly(List.of(x, axesType), Map.of(), 13);
        assertEquals(TensorType.unranked(F), sum.inferTypes(unknown).getFirst());
        Reduce keep = new Reduce(ReduceFunction.SUM, Optional.empty(), true, true, false);
        assertEquals(TensorType.of(F, List.of(Dim.unknown(), Dim.unknown(), Dim.unknown())), keep.inferTypes(unknown).getFirst());
        assertEquals(TensorType.of(F, 1, 1, 1), keep.inferTypes(TypesOnly.of(x)).getFirst());
        Reduce noop = new Reduce(ReduceFunction.SUM, Optional.empty(), true, true, true);
        var empty = new TypesOnly(Arrays.asList(x, axesType), Map.of(1, Tensor.vector()), 13);
        assertEquals(x, noop.inferTypes(empty).getFirst());
    }

    @Test
    void softmaxChecksTheAxisAndArgReduceGivesInt64() {
        TensorType x = TensorType.of(F, 2, 3);
        assertEquals(x, infer(new Softmax(SoftmaxFunction.SOFTMAX, -1, false), x));
        assertThrows(ShapeException.class, () -> infer(new Softmax(SoftmaxFunction.SOFTMAX, 2, false), x));
        assertEquals(TensorType.of(DType.INT64, 2, 1), infer(new ArgReduce(true, 1, true, false), x));
        assertEquals(TensorType.of(DType.INT64, 3), infer(new ArgReduce(false, -2, false, false), x));
    }
}
