package dev.slim4j.train.grad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.op.AutoPad;
import dev.slim4j.ir.op.BatchNormalization;
import dev.slim4j.ir.op.Binary;
import dev.slim4j.ir.op.BinaryFunction;
import dev.slim4j.ir.op.Conv;
import dev.slim4j.ir.op.Flatten;
import dev.slim4j.ir.op.Gemm;
import dev.slim4j.ir.op.LRN;
import dev.slim4j.ir.op.MaxPool;
import dev.slim4j.ir.op.Softmax;
import dev.slim4j.ir.op.SoftmaxFunction;
import dev.slim4j.ir.op.Unary;
import dev.slim4j.ir.op.UnaryFunction;
import dev.slim4j.ir.op.UnsupportedOpException;
import dev.slim4j.runtime.reference.ReferenceOps;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TapeTest {
    /** Conv -> BatchNormalization -> Relu -> MaxPool -> Flatten -> Gemm -> LogSoftmax. */
    private static Net smallCnn() {
        Net n = new Net(7);
        String x = n.input("x", 2, 2, 6, 5);
        String c = n.node(new Conv(AutoPad.NOTSET, List.of(), 1, List.of(), List.of(1L, 1L, 1L, 1L), List.of()), x,
                n.param("w", 3, 2, 3, 3), n.param("b", 3));
        String bn = n.node(new BatchNormalization(1e-5f, 0.9f, 0, Optional.empty(), Optional.empty()), c,
                n.param("gamma", 3), n.param("beta", 3), n.constant("mean", n.random(-0.1, 0.1, 3)),
                n.constant("var", n.random(0.8, 1.2, 3)));
        String r = n.node(new Unary(UnaryFunction.RELU), bn);
        String p = n.node(new MaxPool(AutoPad.NOTSET, 0, List.of(), List.of(2L, 2L), List.of(), 0, List.of(2L, 2L)), r);
        String f = n.node(new Flatten(1), p);
        String g = n.node(new Gemm(1, 1, 0, 1, Optional.empty()), f, n.param("fc", 4, 18), n.param("fcb", 4));
        return n.output(n.node(new Softmax(SoftmaxFunction.LOG_SOFTMAX, -1, false), g));
    }

    @Test void wholeNetworkGradientsInBothModes() {
        smallCnn().check(TapeOptions.training(5));
        smallCnn().check(TapeOptions.inference());
    }

    @Test void valuesReadSeveralTimesSumTheirGradients() {
        Net n = new Net();
        String x = n.input("x", 3, 4);
        String w = n.param("w", 3, 4);
        String sq = n.node(new Binary(BinaryFunction.MUL), x, x);
        String t = n.node(new Unary(UnaryFunction.TANH), w);
        String y = n.node(new Binary(BinaryFunction.ADD), n.node(new Binary(BinaryFunction.MUL), sq, w), t);
        n.output(y, t).check();
    }

    @Test void gradientsOfAnAnalyticFunction() {
        Net n = new Net();
        String x = n.input("x", Tensor.ofDoubles(Shape.of(3), 1, -2, 0.5));
        String w = n.param("w", Tensor.ofDoubles(Shape.of(3), 2, 3, -1));
        String y = n.node(new Binary(BinaryFunction.MUL), n.node(new Binary(BinaryFunction.MUL), x, x), w);
        Tape tape = Tape.record(n.output(y).graph(), n.feeds(), TapeOptions.inference());
        Gradients g = tape.backward(Map.of(y, Tensor.ofDoubles(Shape.of(3), 1, 1, 1)), true);
        assertArrayEquals(new double[] {1, 4, 0.25}, g.parameter("w").doubles(), 1e-12);      // x^2
        assertArrayEquals(new double[] {4, -12, -1}, g.input("x").doubles(), 1e-12);          // 2 x w
    }

    @Test void unreachedParametersGetZerosAndFloat32GraphsGetFloat32Gradients() {
        Graph.Builder b = Graph.builder("f32");
        b.initializer("w", Tensor.ofFloats(Shape.of(2), 1.5f, -2f));
        b.initializer("unused", Tensor.ofFloats(Shape.of(2), 1f, 1f));
        b.trainable.add("w");
        b.trainable.add("unused");
        b.input(new dev.slim4j.ir.Value("x", dev.slim4j.ir.TensorType.of(DType.FLOAT32, 2)));
        b.node(new dev.slim4j.ir.Node("m", new Binary(BinaryFunction.MUL), List.of("x", "w"), List.of("y")));
        b.output(new dev.slim4j.ir.Value("y", dev.slim4j.ir.TensorType.of(DType.FLOAT32, 2)));
        Tape tape = Tape.record(b.build(), Map.of("x", Tensor.ofFloats(Shape.of(2), 3f, 4f)), TapeOptions.inference());
        Gradients g = tape.backward(Map.of("y", Tensor.ofFloats(Shape.of(2), 1f, 0.5f)));
        assertEquals(DType.FLOAT32, g.parameter("w").dtype());
        assertArrayEquals(new float[] {3f, 2f}, g.parameter("w").floats());
        assertArrayEquals(new float[] {0f, 0f}, g.parameter("unused").floats());
        assertTrue(g.inputs().isEmpty());
    }

    @Test void anOpWithoutARuleFailsNamingIt() {
        Net n = new Net();
        n.output(n.node(new LRN(1e-4f, 0.75f, 1f, 3), n.param("x", 1, 3, 2, 2)));
        Tape tape = Tape.record(n.graph(), n.feeds(), TapeOptions.inference());
        UnsupportedOpException e = assertThrows(UnsupportedOpException.class,
                () -> tape.backward(Map.of(tape.graph().outputs().getFirst().name(), tape.outputs().firstEntry().getValue())));
        assertEquals("LRN", e.opType());
        assertTrue(e.getMessage().contains("gradient"), e.getMessage());
    }

    @Test void theEvaluatorIsPluggable() {
        Net n = smallCnn();
        AtomicInteger calls = new AtomicInteger();
        Tape tape = Tape.record(n.graph(), n.feeds(), TapeOptions.training(1), (op, in, count) -> {
            calls.incrementAndGet();
            return ReferenceOps.evaluate(op, in, count);
        });
        assertEquals(7, calls.get());
        assertEquals(Shape.of(2, 4), tape.outputs().firstEntry().getValue().shape());
        assertEquals(2, tape.runningStatistics().size());
    }

    @Test void badFeedsAndGradientsAreNamed() {
        Net n = smallCnn();
        Graph g = n.graph();
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Tape.record(g, Map.of("y", Tensor.scalar(1f)), TapeOptions.inference()));
        assertTrue(unknown.getMessage().contains("unknown feed 'y'"), unknown.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Tape.record(g, Map.of(), TapeOptions.inference()));
        assertTrue(missing.getMessage().contains("'x'"), missing.getMessage());
        Tape tape = Tape.record(g, n.feeds(), TapeOptions.inference());
        String out = g.outputs().getFirst().name();
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> tape.backward(Map.of(out, Tensor.ofDoubles(Shape.of(3), 1, 2, 3))));
        assertTrue(shape.getMessage().contains("expected [2, 4]"), shape.getMessage());
    }
}
