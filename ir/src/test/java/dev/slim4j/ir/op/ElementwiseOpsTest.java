package dev.slim4j.ir.op;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.ir.AttributeValue;
import dev.slim4j.ir.Attributes;
import dev.slim4j.tensor.DType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ElementwiseOpsTest {
    private static Op create(String opType, long opset, Attributes a) { return Ops.create("", opType, opset, a); }

    private static void assertRoundTrip(Op op, long opset) {
        assertEquals(op, create(op.opType(), opset, op.attributes()), "re-import of " + op);
    }

    @Test
    void everyOpOfTheFamilyIsKnownAndRoundTrips() {
        List<String> names = List.of("Relu", "Sigmoid", "HardSwish", "Erf", "IsNaN", "Add", "Pow", "Equal", "Xor",
                "PRelu", "Sum", "Max", "Mean", "LeakyRelu", "Elu", "Selu", "Celu", "ThresholdedRelu", "HardSigmoid",
                "Clip", "Where", "Mod", "IsInf", "Softmax", "LogSoftmax", "Hardmax", "ReduceMean", "ReduceSum",
                "ReduceLogSumExp", "ArgMax", "CastLike");
        for (String n : names) {
            Op op = create(n, 17, Attributes.EMPTY);
            assertTrue(op instanceof ElementwiseOp, n + " gave " + op);
            assertEquals(n, op.opType());
            assertRoundTrip(op, 17);
        }
    }

    @Test
    void activationDefaultsComeFromTheSpec() {
        assertEquals(new LeakyRelu(0.01f), create("LeakyRelu", 16, Attributes.EMPTY));
        assertEquals(new HardSigmoid(0.2f, 0.5f), create("HardSigmoid", 6, Attributes.EMPTY));
        Selu selu = (Selu) create("Selu", 6, Attributes.EMPTY);
        assertEquals(1.6732632f, selu.alpha(), 1e-6f);
        assertEquals(1.0507010f, selu.gamma(), 1e-6f);
        Attributes a = Attributes.builder().put("alpha", 0.5f).build();
        assertEquals(new Elu(0.5f), create("Elu", 6, a));
        assertRoundTrip(new Selu(2f, 3f), 6);
    }

    @Test
    void clipKeepsAttributeBoundsBeforeOpset11AndInputsFrom11() {
        Attributes a = Attributes.builder().put("min", -1f).put("max", 1f).build();
        assertEquals(new Clip(Optional.of(-1f), Optional.of(1f)), create("Clip", 6, a));
        assertRoundTrip(new Clip(Optional.of(-1f), Optional.empty()), 6);
        assertEquals(Clip.withInputBounds(), create("Clip", 11, Attributes.EMPTY));
        assertTrue(Clip.withInputBounds().attributes().values().isEmpty());
    }

    @Test
    void softmaxKeepsWhichAxisSemanticsApply() {
        Softmax old = (Softmax) create("Softmax", 11, Attributes.EMPTY);
        assertEquals(new Softmax(SoftmaxFunction.SOFTMAX, 1, true), old);
        Softmax now = (Softmax) create("LogSoftmax", 13, Attributes.EMPTY);
        assertEquals(new Softmax(SoftmaxFunction.LOG_SOFTMAX, -1, false), now);
        assertRoundTrip(old, 11);
        assertRoundTrip(now, 13);
    }

    @Test
    void reduceSumTakesAxesAsInputFromOpset13AndOthersFrom18() {
        Attributes axes = Attributes.builder().putInts("axes", List.of(1L)).put("keepdims", 0L).build();
        Reduce mean = (Reduce) create("ReduceMean", 17, axes);
        assertFalse(mean.axesFromInput());
        assertEquals(Optional.of(List.of(1L)), mean.axes());
        assertFalse(mean.keepdims());
        assertTrue(((Reduce) create("ReduceSum", 13, Attributes.EMPTY)).axesFromInput());
        assertFalse(((Reduce) create("ReduceSum", 11, axes)).axesFromInput());
        assertTrue(((Reduce) create("ReduceMax", 18, Attributes.EMPTY)).axesFromInput());
        assertRoundTrip(mean, 17);
        Reduce noop = new Reduce(ReduceFunction.SUM, Optional.empty(), true, true, true);
        assertRoundTrip(noop, 13);
    }

    @Test
    void reducedAxesHandleNegativeEmptyAndNoop() {
        Reduce attr = new Reduce(ReduceFunction.MAX, Optional.of(List.of(-1L, 0L)), true, false, false);
        assertArrayEquals(new boolean[] {true, false, true}, attr.reducedAxes(null, 3));
        Reduce input = new Reduce(ReduceFunction.SUM, Optional.empty(), true, true, false);
        assertArrayEquals(new boolean[] {true, true}, input.reducedAxes(null, 2));
        assertArrayEquals(new boolean[] {true, true}, input.reducedAxes(List.of(), 2));
        assertArrayEquals(new boolean[] {false, true}, input.reducedAxes(List.of(-1L), 2));
        Reduce noop = new Reduce(ReduceFunction.SUM, Optional.empty(), true, true, true);
        assertArrayEquals(new boolean[] {false, false}, noop.reducedAxes(List.of(), 2));
        var dup = assertThrows(dev.slim4j.tensor.ShapeException.class, () -> attr.reducedAxes(null, 1));
        assertTrue(dup.getMessage().contains("expected distinct axes, found [-1, 0]"), dup.getMessage());
        Reduce far = new Reduce(ReduceFunction.MAX, Optional.of(List.of(3L)), true, false, false);
        var range = assertThrows(dev.slim4j.tensor.ShapeException.class, () -> far.reducedAxes(null, 3));
        assertTrue(range.getMessage().contains("axis 3 out of range for rank 3"), range.getMessage());
    }

    @Test
    void castParsesTheTargetTypeCode() {
        Attributes to = Attributes.builder().put("to", AttributeValue.of(10L)).build();
        assertEquals(new Cast(DType.FLOAT16), create("Cast", 13, to));
        assertRoundTrip(new Cast(DType.BFLOAT16), 13);
    }

    @Test
    void modAndIsInfAttributes() {
        assertEquals(new Mod(true), create("Mod", 13, Attributes.builder().put("fmod", 1L).build()));
        assertEquals(new Mod(false), create("Mod", 13, Attributes.EMPTY));
        assertEquals(new IsInf(true, true), create("IsInf", 10, Attributes.EMPTY));
        assertRoundTrip(new IsInf(false, true), 10);
        assertRoundTrip(new ArgReduce(false, -1, false, true), 13);
    }
}
