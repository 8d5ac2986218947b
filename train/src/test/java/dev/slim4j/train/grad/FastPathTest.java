package dev.slim4j.train.grad;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.TensorType;
import dev.slim4j.ir.Value;
import dev.slim4j.ir.op.AutoPad;
import dev.slim4j.ir.op.BatchNormalization;
import dev.slim4j.ir.op.Binary;
import dev.slim4j.ir.op.BinaryFunction;
import dev.slim4j.ir.op.Clip;
import dev.slim4j.ir.op.Conv;
import dev.slim4j.ir.op.Flatten;
import dev.slim4j.ir.op.Gemm;
import dev.slim4j.ir.op.GlobalAveragePool;
import dev.slim4j.ir.op.MaxPool;
import dev.slim4j.ir.op.Unary;
import dev.slim4j.ir.op.UnaryFunction;
import dev.slim4j.kernels.Parallelism;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The FLOAT32 fast paths ({@link FastOps} forward, {@link FastGradients} backward), on one and on three
 * threads, against the FLOAT64 reference ops and gradient rules on the same graph: odd sizes, groups,
 * depthwise, strides, asymmetric pads, dilations, training-mode BatchNorm.
 */
class FastPathTest {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2);

    @AfterAll static void stop() { POOL.shutdownNow(); }

    private static Conv conv(long group, List<Long> pads, long stride, long dilation) {
        return new Conv(AutoPad.NOTSET, List.of(dilation, dilation), group, List.of(), pads, List.of(stride, stride));
    }

    @Test void groupedStridedConvWithBiasReluAndMaxPool() {
        Net n = new Net(3);
        String x = n.input("x", 5, 4, 9, 7);
        String c = n.node(conv(2, List.of(1L, 0L, 1L, 2L), 2, 1), x, n.param("w", 6, 2, 3, 3), n.param("b", 6));
        String r = n.node(new Unary(UnaryFunction.RELU), c);
        String p = n.node(new MaxPool(AutoPad.NOTSET, 0, List.of(), List.of(2L, 2L), List.of(), 0, List.of(2L, 2L)), r);
        compare(n.output(p));
    }

    @Test void dilatedAndPaddedConvsAndOverlappingPaddedMaxPoolOnOddSizes() {
        Net n = new Net(6);
        String x = n.input("x", 2, 3, 11, 13);
        String a = n.node(conv(1, List.of(2L, 2L, 2L, 2L), 1, 2), x, n.param("w", 4, 3, 3, 3), n.param("b", 4));
        String g2 = n.node(conv(2, List.of(0L, 1L, 2L, 1L), 1, 1), a, n.param("wg", 4, 2, 3, 2));
        String c = n.node(conv(1, List.of(0L, 3L, 1L, 0L), 3, 1), g2, n.param("w2", 5, 4, 5, 2));
        String p = n.node(new MaxPool(AutoPad.NOTSET, 0, List.of(), List.of(3L, 3L), List.of(1L, 1L, 1L, 1L), 0,
                List.of(2L, 2L)), c);
        compare(n.output(p));
    }

    @Test void depthwiseConvsWithReLU6AndResidualAdd() {
        Net n = new Net(4);
        String x = n.input("x", 3, 6, 8, 9);
        String d = n.node(conv(6, List.of(1L, 1L, 1L, 1L), 1, 1), x, n.param("w", 6, 1, 3, 3));
        String six = n.node(Clip.withInputBounds(), d, n.constant("lo", Tensor.scalar(0f).cast(DType.FLOAT64)),
                n.constant("hi", Tensor.scalar(6f).cast(DType.FLOAT64)));
        String sum = n.node(new Binary(BinaryFunction.ADD), six, x);
        String s2 = n.node(conv(6, List.of(2L, 1L, 2L, 0L), 2, 2), sum, n.param("w2", 6, 1, 3, 3), n.param("b2", 6));
        compare(n.output(s2));
    }

    /**
     * A depthwise forward whose second half starts past 2^31 / (batch floats): the part offsets are computed per
     * image (a product of the part's first image and the whole batch's size overflowed int, failing MobileNetV2's
     * evaluation at batch 256 on two threads).
     */
    @Test void depthwiseForwardOfALargeBatchOnTwoThreads() {
        Net n = new Net(7);
        String x = n.input("x", 2048, 4, 16, 16);
        String d = n.node(conv(4, List.of(1L, 1L, 1L, 1L), 1, 1), x, n.param("w", 4, 1, 3, 3));
        Net out = n.output(d);
        Graph g32 = toFloat(out.graph());
        Map<String, Tensor> f32 = new LinkedHashMap<>();
        out.feeds().forEach((k, v) -> f32.put(k, v.cast(DType.FLOAT32)));
        Tensor serial = Tape.record(g32, f32, TapeOptions.inference(), new FastOps(Parallelism.serial())).value(d);
        Tensor parallel = Tape.record(g32, f32, TapeOptions.inference(), new FastOps(new Parallelism(POOL, 2))).value(d);
        org.junit.jupiter.api.Assertions.assertArrayEquals(serial.floats(), parallel.floats());
    }

    @Test void convBatchNormTrainingGlobalPoolAndGemm() {
        Net n = new Net(5);
        String x = n.input("x", 7, 3, 6, 6);
        String c = n.node(conv(1, List.of(0L, 0L, 0L, 0L), 1, 1), x, n.param("w", 5, 3, 1, 1));
        String bn = n.node(new BatchNormalization(1e-5f, 0.9f, 0, Optional.empty(), Optional.empty()), c,
                n.param("gamma", 5), n.param("beta", 5), n.constant("mean", n.random(-0.1, 0.1, 5)),
                n.constant("var", n.random(0.8, 1.2, 5)));
        String g = n.node(new GlobalAveragePool(), n.node(new Unary(UnaryFunction.RELU), bn));
        String f = n.node(new Flatten(1), g);
        String y = n.node(new Gemm(1, 1, 0, 1, Optional.empty()), f, n.param("fc", 4, 5), n.param("fcb", 4));
        compare(n.output(y));
    }

    /** Outputs and gradients of the float graph (1 and 3 threads) match the double graph's. */
    private static void compare(Net net) {
        Graph g64 = net.graph();
        Graph g32 = toFloat(g64);
        Map<String, Tensor> f64 = net.feeds();
        Map<String, Tensor> f32 = new LinkedHashMap<>();
        f64.forEach((k, v) -> f32.put(k, v.cast(DType.FLOAT32)));
        TapeOptions mode = TapeOptions.training(1);
        Tape reference = Tape.record(g64, f64, mode);
        Map<String, Tensor> dy = new LinkedHashMap<>();
        reference.outputs().forEach((k, v) -> dy.put(k, net.random(-1, 1, v.shape().toArray())));
        Gradients expected = reference.backward(dy, true);
        Map<String, Tensor> dy32 = new LinkedHashMap<>();
        dy.forEach((k, v) -> dy32.put(k, v.cast(DType.FLOAT32)));
        for (Parallelism par : List.of(Parallelism.serial(), new Parallelism(POOL, 3))) {
            Tape fast = Tape.record(g32, f32, mode, new FastOps(par));
            reference.outputs().forEach((k, v) -> close(k, v, fast.value(k)));
            Gradients actual = fast.backward(dy32, true);
            expected.parameters().forEach((k, v) -> close("d" + k, v, actual.parameter(k)));
            expected.inputs().forEach((k, v) -> close("d" + k, v, actual.input(k)));
            Gradients parametersOnly = fast.backward(dy32, false);
            expected.parameters().forEach((k, v) -> close("d" + k + " (no input gradients)", v, parametersOnly.parameter(k)));
        }
    }

    private static Graph toFloat(Graph g) {
        Graph.Builder b = g.toBuilder();
        g.initializers().forEach((k, v) -> b.initializer(k, v.cast(DType.FLOAT32)));
        b.inputs.replaceAll(v -> new Value(v.name(), new TensorType(DType.FLOAT32, v.type().dims())));
        b.outputs.replaceAll(v -> new Value(v.name(), TensorType.unranked(DType.FLOAT32)));
        return b.build();
    }

    private static void close(String what, Tensor expected, Tensor actual) {
        assertEquals(expected.shape(), actual.shape(), what);
        assertEquals(DType.FLOAT32, actual.dtype(), what);
        double scale = 0;
        for (int i = 0; i < expected.size(); i++) scale = Math.max(scale, Math.abs(expected.getDouble(i)));
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.getDouble(i), actual.getDouble(i), 1e-4 * (1 + scale), what + "[" + i + "]");
        }
    }
}
