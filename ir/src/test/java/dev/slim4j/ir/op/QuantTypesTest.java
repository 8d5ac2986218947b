package dev.slim4j.ir.op;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.ir.AttributeValue;
import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.Dim;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.ShapeException;
import dev.slim4j.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Import, attributes and type inference of the quantization family, against the ONNX schemas. */
class QuantTypesTest {
    private record Context(List<TensorType> inputs, int outputCount, long opset) implements InferenceContext {
        @Override public int inputCount() { return inputs.size(); }
        @Override public boolean hasInput(int i) { return i < inputs.size() && inputs.get(i) != null; }
        @Override public TensorType inputType(int i) { return inputs.get(i); }
        @Override public Optional<Tensor> constantInput(int i) { return Optional.empty(); }
    }

    private static final Dim N = Dim.symbol("N");
    private static final TensorType SCALE = TensorType.of(DType.FLOAT32);
    private static final TensorType U8 = TensorType.of(DType.UINT8);
    private static final TensorType I8 = TensorType.of(DType.INT8);

    private static TensorType t(DType type, Object... dims) {
        return TensorType.of(type, Arrays.stream(dims)
                .map(d -> d instanceof Dim dim ? dim : Dim.of(((Number) d).longValue())).toList());
    }

    private static List<TensorType> infer(String opType, long opset, Attributes a, TensorType... in) {
        Op op = Ops.create("", opType, opset, a);
        assertTrue(op instanceof QuantOp, opType + " should be a QuantOp, found " + op);
        return op.inferTypes(new Context(Arrays.asList(in), 3, opset));
    }

    private static List<TensorType> infer(String opType, TensorType... in) {
        return infer(opType, 13, Attributes.EMPTY, in);
    }

    @Test void quantizeLinearTakesTheZeroPointsType() {
        assertEquals(List.of(t(DType.INT8, N, 3)), infer("QuantizeLinear", t(DType.FLOAT32, N, 3), SCALE, I8));
        assertEquals(List.of(t(DType.UINT8, 2)), infer("QuantizeLinear", t(DType.INT32, 2), SCALE));
    }

    @Test void quantizeLinearChecksPerAxisParameters() {
        TensorType x = t(DType.FLOAT32, 1, 3, 2);
        TensorType scales = t(DType.FLOAT32, 3);
        assertEquals(List.of(t(DType.UINT8, 1, 3, 2)), infer("QuantizeLinear", x, scales, t(DType.UINT8, 3)));
        Attributes lastAxis = Attributes.builder().put("axis", -1L).build();
        ShapeException e = assertThrows(ShapeException.class,
                () -> infer("QuantizeLinear", 13, lastAxis, x, scales, t(DType.UINT8, 3)));
        assertTrue(e.getMessage().contains("expected y_scale of 1 or 2 elements"), e.getMessage());
        assertThrows(ShapeException.class, () -> infer("QuantizeLinear", 10, Attributes.EMPTY, x, scales));
        assertThrows(ShapeException.class, () -> infer("QuantizeLinear", x, t(DType.FLOAT32, 3, 1)));
        assertThrows(ShapeException.class, () -> infer("QuantizeLinear", x, SCALE, TensorType.of(DType.INT32)));
    }

    @Test void scalarInputIgnoresTheAxis() {
        assertEquals(List.of(U8), infer("QuantizeLinear", TensorType.of(DType.FLOAT32), SCALE, U8));
    }

    @Test void dequantizeLinearGivesFloat() {
        assertEquals(List.of(t(DType.FLOAT32, N, 4)), infer("DequantizeLinear", t(DType.INT8, N, 4), SCALE, I8));
        assertEquals(List.of(t(DType.FLOAT32, 5)), infer("DequantizeLinear", t(DType.INT32, 5), SCALE));
        ShapeException e = assertThrows(ShapeException.class,
                () -> infer("DequantizeLinear", t(DType.INT8, 4), SCALE, U8));
        assertTrue(e.getMessage().contains("expected x_zero_point of the type of x (INT8), found UINT8"),
                e.getMessage());
        assertThrows(ShapeException.class, () -> infer("DequantizeLinear", t(DType.FLOAT32, 4), SCALE));
    }

    @Test void axisAttributeKeepsTheFormItCameIn() {
        Attributes axis0 = Attributes.builder().put("axis", 0L).build();
        Op withAxis = Ops.create("", "DequantizeLinear", 13, axis0);
        assertEquals(new DequantizeLinear(Optional.of(0L)), withAxis);
        assertEquals(axis0, withAxis.attributes());
        assertEquals(withAxis, Ops.create("", "DequantizeLinear", 13, withAxis.attributes()));
        Op opset10 = Ops.create("", "QuantizeLinear", 10, Attributes.EMPTY);
        assertFalse(opset10.attributes().has("axis"));
        assertEquals(1, ((QuantizeLinear) opset10).effectiveAxis());
        assertEquals(1, ((QuantizeLinear) Ops.create("", "QuantizeLinear", 13, Attributes.EMPTY)).effectiveAxis());
    }

    @Test void laterOpsetAttributesAreUnsupported() {
        Attributes block = Attributes.builder().put("block_size", 32L).build();
        assertThrows(UnsupportedOpException.class, () -> Ops.create("", "QuantizeLinear", 21, block));
    }

    @Test void qLinearConvAppliesTheWindowAndTakesTheOutputZeroPointsType() {
        Attributes a = Attributes.builder().put("pads", AttributeValue.ints(1, 1, 1, 1))
                .put("strides", AttributeValue.ints(2, 2)).put("group", 2L).build();
        // (7 + 2 - 3) / 2 + 1 = 4
        List<TensorType> out = infer("QLinearConv", 10, a, t(DType.UINT8, N, 4, 7, 7), SCALE, U8,
                t(DType.INT8, 6, 2, 3, 3), t(DType.FLOAT32, 6), t(DType.INT8, 6), SCALE, I8,
                t(DType.INT32, 6));
        assertEquals(List.of(t(DType.INT8, N, 6, 4, 4)), out);
        Op op = Ops.create("", "QLinearConv", 10, a);
        assertEquals(2, ((QLinearConv) op).group());
        assertEquals(op, Ops.create("", "QLinearConv", 10, op.attributes()));
    }

    @Test void qLinearConvRejectsMismatchedOperands() {
        TensorType x = t(DType.UINT8, 1, 4, 5, 5);
        TensorType w = t(DType.UINT8, 2, 3, 1, 1);
        assertThrows(ShapeException.class, () -> infer("QLinearConv", x, SCALE, U8, w, SCALE, U8, SCALE, U8));
        TensorType w4 = t(DType.UINT8, 2, 4, 1, 1);
        assertThrows(ShapeException.class, () -> infer("QLinearConv", x, SCALE, U8, w4, t(DType.FLOAT32, 3), U8,
                SCALE, U8));
        assertThrows(ShapeException.class, () -> infer("QLinearConv", x, t(DType.FLOAT32, 4), U8, w4, SCALE, U8,
                SCALE, U8));
    }

    @Test void convIntegerGivesInt32() {
        Attributes same = Attributes.builder().put("auto_pad", "SAME_UPPER").build();
        assertEquals(List.of(t(DType.INT32, 2, 8, 5, 5)), infer("ConvInteger", 10, same, t(DType.UINT8, 2, 3, 5, 5),
                t(DType.INT8, 8, 3, 3, 3), U8, t(DType.INT8, 8)));
    }

    @Test void matrixProductsBroadcastTheirBatches() {
        assertEquals(List.of(t(DType.UINT8, N, 2, 4, 5)), infer("QLinearMatMul", t(DType.INT8, N, 1, 4, 3), SCALE, I8,
                t(DType.UINT8, 2, 3, 5), SCALE, U8, SCALE, U8));
        assertEquals(List.of(t(DType.INT32, 4)), infer("MatMulInteger", t(DType.UINT8, 4, 3), t(DType.INT8, 3)));
        assertEquals(List.of(t(DType.INT32, 5)), infer("MatMulInteger", t(DType.UINT8, 3), t(DType.INT8, 3, 5)));
        assertThrows(ShapeException.class, () -> infer("MatMulInteger", t(DType.UINT8, 4, 3), t(DType.UINT8, 4, 3)));
        assertThrows(ShapeException.class, () -> infer("MatMulInteger", t(DType.FLOAT32, 4, 3), t(DType.UINT8, 3)));
    }

    @Test void dynamicQuantizeLinearHasThreeOutputs() {
        assertEquals(List.of(t(DType.UINT8, N, 6), SCALE, U8), infer("DynamicQuantizeLinear", 11, Attributes.EMPTY,
                t(DType.FLOAT32, N, 6)));
    }
}
