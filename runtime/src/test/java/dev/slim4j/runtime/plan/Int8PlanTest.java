package dev.slim4j.runtime.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.ir.GraphBuilder;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.op.AutoPad;
import dev.slim4j.ir.op.QLinearConv;
import dev.slim4j.ir.op.QLinearMatMul;
import dev.slim4j.runtime.Session;
import dev.slim4j.runtime.SessionOptions;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The integer fast path gives exactly the reference ops' results on QLinearConv and QLinearMatMul. */
class Int8PlanTest {
    private static final Random RANDOM = new Random(9);

    private static Model qConv(int c, int m, int k, int stride, int pad, boolean perChannel, boolean bias) {
        return qConv(c, m, k, stride, pad, 1, perChannel, bias);
    }

    private static Model qConv(int c, int m, int k, int stride, int pad, int dilation, boolean perChannel, boolean bias) {
        return qConv(c, m, k, stride, pad, dilation, 1, perChannel, bias);
    }

    private static Model qConv(int c, int m, int k, int stride, int pad, int dilation, int group, boolean perChannel,
                               boolean bias) {
        GraphBuilder b = GraphBuilder.create("qconv");
        String x = b.input("x", DType.UINT8, "N", c, 11, 13);
        float[] ws = new float[perChannel ? m : 1];
        for (int i = 0; i < ws.length; i++) ws[i] = 0.002f + 0.01f * RANDOM.nextFloat();
        List<String> in = List.of(x, b.constant("xs", Tensor.scalar(0.02f)),
                b.constant("xz", Tensor.ofBytes(DType.UINT8, Shape.scalar(), (byte) 117)),
                b.constant("w", bytes(DType.INT8, m, c / group, k, k)),
                b.constant("ws", perChannel ? Tensor.of(ws, m) : Tensor.scalar(ws[0])),
                b.constant("wz", perChannel ? Tensor.ofBytes(DType.INT8, Shape.of(m), new byte[m])
                        : Tensor.ofBytes(DType.INT8, Shape.scalar(), (byte) 0)),
                b.constant("ys", Tensor.scalar(0.05f)),
                b.constant("yz", Tensor.ofBytes(DType.UINT8, Shape.scalar(), (byte) 128)));
        if (bias) {
            int[] bv = new int[m];
            for (int i = 0; i < m; i++) bv[i] = RANDOM.nextInt(20001) - 10000;
            in = new java.util.ArrayList<>(in);
            in.add(b.constant("bias", Tensor.ofInts(Shape.of(m), bv)));
        }
        QLinearConv op = new QLinearConv(AutoPad.NOTSET, List.of((long) dilation, (long) dilation), group, List.of((long) k, (long) k),
                List.of((long) pad, (long) pad, (long) pad, (long) pad), List.of((long) stride, (long) stride));
        String y = b.node(op, in, 1).getFirst();
        return b.outputAs(y, "y").buildModel();
    }

    private static Model qMatMul(int kDim, int n) {
        GraphBuilder b = GraphBuilder.create("qmm");
        String a = b.input("a", DType.UINT8, "N", kDim);
        String y = b.node(new QLinearMatMul(), List.of(a, b.constant("as", Tensor.scalar(0.03f)),
                b.constant("az", Tensor.ofBytes(DType.UINT8, Shape.scalar(), (byte) 3)),
                b.constant("b", bytes(DType.INT8, kDim, n)), b.constant("bs", Tensor.scalar(0.004f)),
                b.constant("bz", Tensor.ofBytes(DType.INT8, Shape.scalar(), (byte) 0)),
                b.constant("ys", Tensor.scalar(0.1f)),
                b.constant("yz", Tensor.ofBytes(DType.INT8, Shape.scalar(), (byte) -5))), 1).getFirst();
        return b.outputAs(y, "y").buildModel();
    }

    @Test
    void qLinearConvMatchesReferenceExactly() {
        int[][] cases = {{3, 8, 3, 1, 1}, {16, 70, 3, 2, 1}, {5, 64, 1, 1, 0}, {7, 9, 5, 1, 2}};
        for (int[] c : cases) {
            for (boolean perChannel : new boolean[] {false, true}) {
                Model model = qConv(c[0], c[1], c[2], c[3], c[4], perChannel, c[1] % 2 == 0);
                Map<String, Tensor> feeds = Map.of("x", bytes(DType.UINT8, 2, c[0], 11, 13));
                check(model, feeds, "im2row", java.util.Arrays.toString(c) + " per-channel " + perChannel);
            }
        }
    }

    /** Dilated and strided windows that reach into the padding on every side unfold like the reference. */
    @Test
    void dilatedStridedQLinearConvMatchesReferenceExactly() {
        for (int[] c : new int[][] {{4, 10, 3, 2, 2, 2}, {3, 6, 3, 1, 3, 3}, {2, 5, 2, 3, 1, 2}}) {
            Model model = qConv(c[0], c[1], c[2], c[3], c[4], c[5], true, true);
            check(model, Map.of("x", bytes(DType.UINT8, 3, c[0], 11, 13)), "im2row", java.util.Arrays.toString(c));
        }
    }

    /** Depthwise windows (padded, strided, dilated) on the channels-last integer kernel give the reference's bytes. */
    @Test
    void depthwiseQLinearConvMatchesReferenceExactly() {
        for (int[] c : new int[][] {{8, 3, 1, 1, 1}, {17, 3, 2, 1, 1}, {5, 5, 1, 2, 1}, {16, 3, 1, 2, 2}}) {
            Model model = qConv(c[0], c[0], c[1], c[2], c[3], c[4], c[0], true, c[0] % 2 == 0);
            check(model, Map.of("x", bytes(DType.UINT8, 3, c[0], 11, 13)), "depthwise-nhwc",
                    java.util.Arrays.toString(c));
        }
    }

    @Test
    void qdqGraphRunsQuantizeIntegerConvAndDequantizeExactly() {
        // float x -> Q -> (DQ, Conv, Q lowered to QLinearConv by the optimizer) -> DQ -> float y
        GraphBuilder b = GraphBuilder.create("qdq");
        String x = b.input("x", DType.FLOAT32, "N", 4, 9, 9);
        String xs = b.constant("xs", Tensor.scalar(0.03f));
        String xz = b.constant("xz", Tensor.ofBytes(DType.UINT8, Shape.scalar(), (byte) 120));
        String xq = b.node(new dev.slim4j.ir.op.QuantizeLinear(java.util.Optional.empty()), x, xs, xz);
        String xd = b.node(new dev.slim4j.ir.op.DequantizeLinear(java.util.Optional.empty()), xq, xs, xz);
        String wd = b.node(new dev.slim4j.ir.op.DequantizeLinear(java.util.Optional.empty()),
                b.constant("wq", bytes(DType.INT8, 16, 4, 3, 3)), b.constant("ws", Tensor.scalar(0.01f)));
        String c = b.node(new dev.slim4j.ir.op.Conv(AutoPad.NOTSET, List.of(), 1, List.of(3L, 3L),
                List.of(1L, 1L, 1L, 1L), List.of()), xd, wd);
        String ys = b.constant("ys", Tensor.scalar(0.2f));
        String yz = b.constant("yz", Tensor.ofBytes(DType.UINT8, Shape.scalar(), (byte) 0));
        String yq = b.node(new dev.slim4j.ir.op.QuantizeLinear(java.util.Optional.empty()), b.relu(c), ys, yz);
        String y = b.node(new dev.slim4j.ir.op.DequantizeLinear(java.util.Optional.empty()), yq, ys, yz);
        Model model = b.outputAs(y, "y").buildModel();
        float[] xv = new float[2 * 4 * 81];
        for (int i = 0; i < xv.length; i++) xv[i] = RANDOM.nextFloat() * 4 - 2;
        Map<String, Tensor> feeds = Map.of("x", Tensor.of(xv, 2, 4, 9, 9));
        try (Session s = Session.create(model, SessionOptions.defaults())) {
            Plan plan = s.plan(feeds);
            List<String> kernels = plan.entries().stream().map(PlanEntry::kernel).toList();
            assertTrue(kernels.contains("quantize") && kernels.contains("dequantize")
                    && kernels.stream().anyMatch(k -> k.startsWith("im2row")), kernels::toString);
        }
        assertMatchesQdqReferences(model, feeds, 0.2f);
    }

    /**
     * The fast plan gives exactly what the reference ops give on the lowered (integer) graph, and agrees with the
     * float QDQ graph on the reference ops to within one output quantization step {@code ys}: the float graph
     * rounds {@code conv / ys} where the integer ops round {@code acc * multiplier}, which may differ at a tie.
     */
    private static void assertMatchesQdqReferences(Model model, Map<String, Tensor> feeds, float ys) {
        Tensor lowered;
        try (Session s = Session.create(model, SessionOptions.defaults().withKernels(KernelChoice.REFERENCE))) {
            lowered = s.run(feeds).get("y");
        }
        Tensor floatGraph;
        try (Session s = Session.create(model, SessionOptions.defaults().withKernels(KernelChoice.REFERENCE)
                .withOptimize(false))) {
            floatGraph = s.run(feeds).get("y");
        }
        float[] actual;
        try (Session s = Session.create(model, SessionOptions.defaults())) {
            actual = s.run(feeds).get("y").floats();
        }
        assertArrayEquals(lowered.floats(), actual);
        float[] f = floatGraph.floats();
        int offByOneStep = 0;
        for (int i = 0; i < f.length; i++) {
            float d = Math.abs(f[i] - actual[i]);
            assertTrue(d <= ys * 1.0001f, "element " + i + ": float graph " + f[i] + ", integer " + actual[i]);
            if (d > 0) offByOneStep++;
        }
        assertTrue(offByOneStep <= f.length / 100 + 1, offByOneStep + " of " + f.length + " elements one step off");
    }

    /**
     * DQ -> MaxPool -> Q pools the integers (with a requantization when Q's parameters differ): exactly the float
     * graph on the reference ops, for unsigned and signed types, padded, strided, dilated and ceil-mode windows.
     */
    @Test
    void qdqMaxPoolPoolsTheIntegersExactly() {
        record Window(List<Long> kernel, List<Long> strides, List<Long> pads, List<Long> dilations, long ceil) {}
        List<Window> windows = List.of(
                new Window(List.of(2L, 2L), List.of(2L, 2L), List.of(), List.of(), 0),
                new Window(List.of(3L, 3L), List.of(2L, 2L), List.of(1L, 1L, 1L, 1L), List.of(), 0),
                new Window(List.of(3L, 2L), List.of(1L, 2L), List.of(2L, 0L, 1L, 1L), List.of(2L, 1L), 0),
                new Window(List.of(2L, 2L), List.of(2L, 2L), List.of(), List.of(), 1));
        for (Window w : windows) {
            for (DType type : new DType[] {DType.UINT8, DType.INT8}) {
                for (boolean sameParameters : new boolean[] {true, false}) {
                    GraphBuilder b = GraphBuilder.create("qdq-pool");
                    String x = b.input("x", DType.FLOAT32, "N", 3, 9, 11);
                    String xs = b.constant("xs", Tensor.scalar(0.03f));
                    String xz = b.constant("xz", Tensor.ofBytes(type, Shape.scalar(), (byte) 7));
                    String xq = b.node(new dev.slim4j.ir.op.QuantizeLinear(java.util.Optional.empty()), x, xs, xz);
                    String xd = b.node(new dev.slim4j.ir.op.DequantizeLinear(java.util.Optional.empty()), xq, xs, xz);
                    String pooled = b.node(new dev.slim4j.ir.op.MaxPool(AutoPad.NOTSET, w.ceil(), w.dilations(),
                            w.kernel(), w.pads(), 0, w.strides()), xd);
                    String ys = sameParameters ? xs : b.constant("ys", Tensor.scalar(0.047f));
                    String yz = sameParameters ? xz : b.constant("yz", Tensor.ofBytes(type, Shape.scalar(), (byte) -3));
                    String yq = b.node(new dev.slim4j.ir.op.QuantizeLinear(java.util.Optional.empty()), pooled, ys, yz);
                    String y = b.node(new dev.slim4j.ir.op.DequantizeLinear(java.util.Optional.empty()), yq, ys, yz);
                    Model model = b.outputAs(y, "y").buildModel();
                    float[] xv = new float[2 * 3 * 9 * 11];
                    for (int i = 0; i < xv.length; i++) xv[i] = RANDOM.nextFloat() * 10 - 5;
                    Map<String, Tensor> feeds = Map.of("x", Tensor.of(xv, 2, 3, 9, 11));
                    Tensor expected;
                    try (Session s = Session.create(model, SessionOptions.defaults()
                            .withKernels(KernelChoice.REFERENCE).withOptimize(false))) {
                        expected = s.run(feeds).get("y");
                    }
                    for (int threads : new int[] {1, 2}) {
                        try (Session s = Session.create(model, new SessionOptions(threads))) {
                            Plan plan = s.plan(feeds);
                            assertTrue(plan.entries().stream().anyMatch(e -> e.kernel().equals("byte-pooling")),
                                    plan.entries()::toString);
                            assertArrayEquals(expected.floats(), s.run(feeds).get("y").floats(),
                                    w + " " + type + " same parameters " + sameParameters + ", " + threads + " threads");
                        }
                    }
                }
            }
        }
    }

    @Test
    void qdqGemmBecomesAnIntegerConvolutionAndMatchesExactly() {
        GraphBuilder b = GraphBuilder.create("qdq-gemm");
        String x = b.input("x", DType.FLOAT32, "N", 50);
        String xs = b.constant("xs", Tensor.scalar(0.02f));
        String xz = b.constant("xz", Tensor.ofBytes(DType.UINT8, Shape.scalar(), (byte) 100));
        var q = new dev.slim4j.ir.op.QuantizeLinear(java.util.Optional.empty());
        var dq = new dev.slim4j.ir.op.DequantizeLinear(java.util.Optional.empty());
        var dq0 = new dev.slim4j.ir.op.DequantizeLinear(java.util.Optional.of(0L));
        String xd = b.node(dq, b.node(q, x, xs, xz), xs, xz);
        float[] ws = new float[30];
        float[] bs = new float[30];
        for (int i = 0; i < ws.length; i++) {
            ws[i] = 0.001f * (i + 1);
            bs[i] = 0.02f * ws[i];
        }
        String wd = b.node(dq0, b.constant("wq", bytes(DType.INT8, 30, 50)), b.constant("ws", Tensor.of(ws, 30)));
        int[] bias = new int[30];
        for (int i = 0; i < bias.length; i++) bias[i] = RANDOM.nextInt(2001) - 1000;
        String bd = b.node(dq0, b.constant("bq", Tensor.ofInts(Shape.of(30), bias)), b.constant("bs", Tensor.of(bs, 30)));
        String g = b.gemm(xd, wd, bd, new dev.slim4j.ir.op.Gemm(1f, 1f, 0, 1, java.util.Optional.empty()));
        String ys = b.constant("ys", Tensor.scalar(0.05f));
        String yz = b.constant("yz", Tensor.ofBytes(DType.UINT8, Shape.scalar(), (byte) 0));
        String y = b.node(dq, b.node(q, b.relu(g), ys, yz), ys, yz);
        Model model = b.outputAs(y, "y").buildModel();
        float[] xv = new float[7 * 50];
        for (int i = 0; i < xv.length; i++) xv[i] = RANDOM.nextFloat() * 3 - 1;
        Map<String, Tensor> feeds = Map.of("x", Tensor.of(xv, 7, 50));
        try (Session s = Session.create(model, SessionOptions.defaults())) {
            Plan plan = s.plan(feeds);
            assertTrue(plan.entries().stream().anyMatch(e -> e.opType().equals("QLinearConv")
                    && e.kernel().startsWith("im2row")), plan.entries()::toString);
        }
        assertMatchesQdqReferences(model, feeds, 0.05f);
    }

    @Test
    void qLinearMatMulMatchesReferenceExactly() {
        for (int[] c : new int[][] {{1, 1}, {7, 13}, {64, 64}, {100, 33}}) {
            check(qMatMul(c[0], c[1]), Map.of("a", bytes(DType.UINT8, 5, c[0])), "int8",
                    java.util.Arrays.toString(c));
        }
    }

    /**
     * An inverted residual block in integers (3x3 conv, 1x1 expansion, depthwise, 1x1 projection, DequantizeLinear /
     * Add / QuantizeLinear residual, strided 3x3 conv): the values between the integer convolutions are planned
     * channels-last, the graph's input and output stay NCHW, and the bytes equal the reference's.
     */
    @Test
    void channelsLastChainMatchesReferenceExactly() {
        GraphBuilder b = GraphBuilder.create("chain");
        String x = b.input("x", DType.UINT8, "N", 3, 11, 13);
        String t1 = conv(b, "c1", x, 3, 16, 3, 1, 1, 1);
        String t2 = conv(b, "c2", t1, 16, 48, 1, 1, 0, 1);
        String t3 = conv(b, "c3", t2, 48, 48, 3, 1, 1, 48);
        String t4 = conv(b, "c4", t3, 48, 16, 1, 1, 0, 1);
        String s = b.constant("s", Tensor.scalar(0.05f));
        String z = b.constant("z", Tensor.ofBytes(DType.UINT8, Shape.scalar(), (byte) 128));
        String sum = b.add(b.node(new dev.slim4j.ir.op.DequantizeLinear(java.util.Optional.empty()), t4, s, z),
                b.node(new dev.slim4j.ir.op.DequantizeLinear(java.util.Optional.empty()), t1, s, z));
        String t5 = b.node(new dev.slim4j.ir.op.QuantizeLinear(java.util.Optional.empty()), sum,
                b.constant("s2", Tensor.scalar(0.08f)), b.constant("z2", Tensor.ofBytes(DType.UINT8, Shape.scalar(),
                        (byte) 120)));
        String y = conv(b, "c5", t5, 16, 8, 3, 2, 1, 1);
        Model model = b.outputAs(y, "y").buildModel();
        Map<String, Tensor> feeds = Map.of("x", bytes(DType.UINT8, 3, 3, 11, 13));
        check(model, feeds, "depthwise-nhwc", "chain");
        try (Session session = Session.create(model, new SessionOptions(1))) {
            List<String> reasons = session.plan(feeds).entries().stream().map(e -> e.node() + ": " + e.reason()).toList();
            for (String expected : new String[] {"NCHW in, NHWC out", "NHWC in, NHWC out", "NHWC in, NCHW out"}) {
                assertTrue(reasons.stream().anyMatch(r -> r.contains(expected)), reasons::toString);
            }
        }
    }

    /**
     * The layout analysis alone: a value between two integer convolutions is channels-last; one that also reaches a
     * GlobalAveragePool through a DequantizeLinear stays NCHW with its whole pointwise group; the graph's input and
     * output stay NCHW; nothing is channels-last where no integer convolution is planned.
     */
    @Test
    void channelsLastValuesStopAtOtherOpsAndTheGraphBoundary() {
        GraphBuilder b = GraphBuilder.create("layout");
        String x = b.input("x", DType.UINT8, 2, 3, 11, 13);
        String t1 = conv(b, "c1", x, 3, 16, 3, 1, 1, 1);
        String t2 = conv(b, "c2", t1, 16, 16, 1, 1, 0, 1);
        String s = b.constant("s", Tensor.scalar(0.05f));
        String z = b.constant("z", Tensor.ofBytes(DType.UINT8, Shape.scalar(), (byte) 128));
        String dq = b.node(new dev.slim4j.ir.op.DequantizeLinear(java.util.Optional.empty()), t2, s, z);
        String pooled = b.node(new dev.slim4j.ir.op.GlobalAveragePool(), dq);
        String y = conv(b, "c3", t2, 16, 8, 3, 1, 1, 1);
        b.output(pooled);
        Model model = b.outputAs(y, "y").buildModel();
        dev.slim4j.ir.Graph g = model.graph();
        ShapeResolver shapes = ShapeResolver.resolve(g, g.nodes(), Map.of("x", Shape.of(2, 3, 11, 13)), model::opset);
        java.util.Set<String> all = ChannelsLastValues.of(g, g.nodes(), shapes, n -> n.op() instanceof QLinearConv);
        assertEquals(java.util.Set.of(t1), all);
        assertEquals(java.util.Set.of(), ChannelsLastValues.of(g, g.nodes(), shapes, n -> false));
    }

    /**
     * Integer steps write into output tensors they reuse from run to run: an 8-bit graph output returned by one run
     * is not overwritten by the next, and every run equals the reference on its own input.
     */
    @Test
    void outputsOfOneRunSurviveTheNext() {
        GraphBuilder b = GraphBuilder.create("reuse");
        String x = b.input("x", DType.UINT8, 2, 3, 11, 13);
        String t1 = conv(b, "c1", x, 3, 16, 3, 1, 1, 1);
        Model model = b.outputAs(conv(b, "c2", t1, 16, 8, 3, 2, 1, 1), "y").buildModel();
        Map<String, Tensor> first = Map.of("x", bytes(DType.UINT8, 2, 3, 11, 13));
        Map<String, Tensor> second = Map.of("x", bytes(DType.UINT8, 2, 3, 11, 13));
        byte[] expectedFirst;
        byte[] expectedSecond;
        try (Session s = Session.create(model, SessionOptions.defaults().withKernels(KernelChoice.REFERENCE))) {
            expectedFirst = s.run(first).get("y").bytes();
            expectedSecond = s.run(second).get("y").bytes();
        }
        try (Session s = Session.create(model, new SessionOptions(1))) {
            assertTrue(s.plan(first).entries().stream().anyMatch(e -> e.kernel().contains("int8")),
                    s.plan(first).entries()::toString);
            Tensor a = s.run(first).get("y");
            Tensor b2 = s.run(second).get("y");
            assertArrayEquals(expectedFirst, a.bytes(), "first run, read after the second");
            assertArrayEquals(expectedSecond, b2.bytes(), "second run");
            assertArrayEquals(expectedFirst, s.run(first).get("y").bytes(), "third run");
        }
    }

    private static String conv(GraphBuilder b, String name, String x, int c, int m, int k, int stride, int pad,
                               int group) {
        float[] ws = new float[m];
        for (int i = 0; i < m; i++) ws[i] = 0.002f + 0.01f * RANDOM.nextFloat();
        int[] bv = new int[m];
        for (int i = 0; i < m; i++) bv[i] = RANDOM.nextInt(2001) - 1000;
        List<String> in = List.of(x, b.constant(name + "xs", Tensor.scalar(0.05f)),
                b.constant(name + "xz", Tensor.ofBytes(DType.UINT8, Shape.scalar(), (byte) 128)),
                b.constant(name + "w", bytes(DType.INT8, m, c / group, k, k)), b.constant(name + "ws", Tensor.of(ws, m)),
                b.constant(name + "wz", Tensor.ofBytes(DType.INT8, Shape.of(m), new byte[m])),
                b.constant(name + "ys", Tensor.scalar(0.05f)),
                b.constant(name + "yz", Tensor.ofBytes(DType.UINT8, Shape.scalar(), (byte) 128)),
                b.constant(name + "b", Tensor.ofInts(Shape.of(m), bv)));
        QLinearConv op = new QLinearConv(AutoPad.NOTSET, List.of(1L, 1L), group, List.of((long) k, (long) k),
                List.of((long) pad, (long) pad, (long) pad, (long) pad), List.of((long) stride, (long) stride));
        return b.node(op, in, 1).getFirst();
    }

    /** Ties, saturation, infinities and NaN quantize on the plan exactly as the reference's QuantizeLinear does. */
    @Test
    void quantizeLinearEdgeValuesMatchTheReference() {
        float[] xv = {0f, -0f, 0.5f, 1.5f, 2.5f, -0.5f, -1.5f, 0.49999997f, 126.5f, 127.5f, 128.5f, 300f, -300f,
            Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 1e30f, -1e-30f, 3.14159f, -2.71828f};
        for (DType type : new DType[] {DType.UINT8, DType.INT8}) {
            for (int zero : new int[] {0, 7, type == DType.UINT8 ? 255 : -128}) {
                GraphBuilder b = GraphBuilder.create("q");
                String x = b.input("x", DType.FLOAT32, xv.length);
                String xs = b.constant("xs", Tensor.scalar(0.5f));
                String xz = b.constant("xz", Tensor.ofBytes(type, Shape.scalar(), (byte) zero));
                String y = b.node(new dev.slim4j.ir.op.QuantizeLinear(java.util.Optional.empty()), x, xs, xz);
                check(b.outputAs(y, "y").buildModel(), Map.of("x", Tensor.of(xv, xv.length)), "quantize", type + " zero " + zero);
            }
        }
    }

    private static void check(Model model, Map<String, Tensor> feeds, String kernel, String what) {
        Tensor expected;
        try (Session s = Session.create(model, SessionOptions.defaults().withKernels(KernelChoice.REFERENCE))) {
            expected = s.run(feeds).get("y");
        }
        for (int threads : new int[] {1, 2}) {
            try (Session s = Session.create(model, new SessionOptions(threads))) {
                Plan plan = s.plan(feeds);
                assertTrue(plan.entries().stream().anyMatch(e -> e.kernel().contains(kernel)), plan.entries()::toString);
                Tensor actual = s.run(feeds).get("y");
                assertArrayEquals(expected.bytes(), actual.bytes(), what + ", " + threads + " threads");
            }
        }
    }

    private static Tensor bytes(DType type, int... dims) {
        byte[] v = new byte[Shape.of(dims).intSize()];
        RANDOM.nextBytes(v);
        return Tensor.ofBytes(type, Shape.of(dims), v);
    }
}
