package dev.slim4j.runtime.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.slim4j.ir.GraphBuilder;
import dev.slim4j.ir.Model;
import dev.slim4j.runtime.Session;
import dev.slim4j.runtime.SessionOptions;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The compiled fast path against the reference interpreter (no optimization) on a net with every planned op:
 * conv + BatchNorm + ReLU, depthwise, residual add, pooling, transpose, slice, concat, flatten, Gemm, softmax.
 */
class PlanTest {
    private static final Random RANDOM = new Random(7);

    static Model convNet(int channels) {
        GraphBuilder b = GraphBuilder.create("net");
        String x = b.input("x", DType.FLOAT32, "N", 3, 16, 16);
        String c1 = b.conv(x, random(channels, 3, 3, 3), random(channels), 1, 1);
        String bn = b.relu(b.batchNorm(c1, positive(channels), random(channels), random(channels), positive(channels),
                1e-5f));
        String dw = b.relu6(b.conv(bn, random(channels, 1, 3, 3), random(channels), 1, 1, channels));
        String res = b.relu(b.add(b.conv(dw, random(channels, channels, 3, 3), null, 1, 1), bn));
        String pooled = b.maxPool(res, 3, 2, 1);
        String avg = b.averagePool(pooled, 3, 1, 1);
        String both = b.concat(1, b.transpose(avg, 0, 1, 3, 2), b.transpose(pooled, 0, 1, 3, 2));
        String pw = b.conv(both, random(channels, 2 * channels, 1, 1), random(channels), 1, 0);
        String gap = b.flatten(b.globalAveragePool(pw), 1);
        String logits = b.linear(gap, random(10, channels), random(10));
        return b.outputAs(b.softmax(logits, 1), "probs").outputAs(b.flatten(pooled, 1), "features").buildModel();
    }

    @Test
    void fastPlanMatchesReferenceInterpreter() {
        for (int channels : new int[] {4, 64}) { // the direct kernel with one and with eight channel tiles
            Model m = convNet(channels);
            Map<String, Tensor> feeds = Map.of("x", random(3, 3, 16, 16));
            Map<String, Tensor> expected = run(m, SessionOptions.defaults().withKernels(KernelChoice.REFERENCE)
                    .withOptimize(false), feeds);
            for (int threads : new int[] {1, 2}) {
                Map<String, Tensor> actual = run(m, new SessionOptions(threads), feeds);
                for (String name : expected.keySet()) {
                    assertClose(expected.get(name), actual.get(name), channels + " channels, " + threads
                            + " threads, output " + name);
                }
            }
        }
    }

    @Test
    void planChoosesFastKernelsAndFoldsBatchNorm() {
        try (Session s = Session.create(convNet(64), SessionOptions.defaults())) {
            Plan plan = s.plan(Map.of("x", random(3, 3, 16, 16)));
            Map<String, String> kernels = plan.entries().stream()
                    .collect(Collectors.toMap(e -> e.opType() + "#" + e.node(), PlanEntry::kernel, (a, b) -> a));
            assertTrue(plan.entries().stream().noneMatch(e -> e.kernel().equals("reference")), plan.entries()::toString);
            assertTrue(plan.entries().stream().noneMatch(e -> e.opType().equals("BatchNormalization")),
                    "BatchNorm folded into the convolution: " + plan.entries());
            assertTrue(kernels.values().stream().anyMatch(k -> k.contains("depthwise")), kernels::toString);
            assertTrue(kernels.values().stream().anyMatch(k -> k.startsWith("direct")), kernels::toString);
            assertTrue(kernels.values().stream().anyMatch(k -> k.startsWith("im2col")), kernels::toString);
            assertTrue(kernels.values().stream().anyMatch(k -> k.equals("alias")), kernels::toString);
            assertTrue(kernels.keySet().stream().anyMatch(k -> k.startsWith("Transpose")), kernels::toString);
        }
    }

    @Test
    void steadyStateRunsAllocateNoArena() {
        try (Session s = Session.create(convNet(8), SessionOptions.defaults())) {
            Map<String, Tensor> feeds = Map.of("x", random(2, 3, 16, 16));
            Plan plan = s.plan(feeds);
            for (int i = 0; i < 5; i++) s.run(feeds);
            assertEquals(1, plan.pool().allocations(), "the arena is allocated once, on the first run");
            assertEquals(plan.arenaFloats(), plan.pool().allocatedFloats());
        }
    }

    @Test
    void arenaIsSmallerThanTheSumOfActivations() {
        try (Session s = Session.create(convNet(8), SessionOptions.defaults())) {
            Plan plan = s.plan(Map.of("x", random(2, 3, 16, 16)));
            assertTrue(plan.arenaFloats() < plan.unplannedFloats(), "planned arena " + plan.arenaFloats()
                    + " floats, " + plan.unplannedFloats() + " without sharing");
        }
    }

    @Test
    void newInputShapesCompileANewPlan() {
        try (Session s = Session.create(convNet(4), SessionOptions.defaults())) {
            Plan one = s.plan(Map.of("x", random(1, 3, 16, 16)));
            Plan two = s.plan(Map.of("x", random(2, 3, 16, 16)));
            assertTrue(one != two);
            assertTrue(one == s.plan(Map.of("x", random(1, 3, 16, 16))));
            assertEquals(List.of(2L, 10L), List.of(s.run(Map.of("x", random(2, 3, 16, 16))).get("probs").shape()
                    .toLongArray()[0], 10L));
        }
    }

    private static Map<String, Tensor> run(Model m, SessionOptions o, Map<String, Tensor> feeds) {
        try (Session s = Session.create(m, o)) {
            return s.run(feeds);
        }
    }

    private static void assertClose(Tensor expected, Tensor actual, String what) {
        assertEquals(expected.shape(), actual.shape(), what);
        float[] e = expected.floats();
        float[] a = actual.floats();
        for (int i = 0; i < e.length; i++) {
            if (!(Math.abs(e[i] - a[i]) <= 1e-4 + 1e-4 * Math.abs(e[i]))) {
                fail(what + " element " + i + ": expected " + e[i] + ", found " + a[i]);
            }
        }
    }

    static Tensor random(int... dims) {
        float[] v = new float[Shape.of(dims).intSize()];
        for (int i = 0; i < v.length; i++) v[i] = RANDOM.nextFloat() - 0.5f;
        return Tensor.of(v, dims);
    }

    private static Tensor positive(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = 0.5f + RANDOM.nextFloat();
        return Tensor.of(v, n);
    }
}
