package dev.slim4j.runtime.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.slim4j.ir.GraphBuilder;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.op.Gemm;
import dev.slim4j.runtime.Session;
import dev.slim4j.runtime.SessionOptions;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Gemm and MatMul with constant sparse weights on the CSR kernel against the reference interpreter: transposed
 * and plain weights, transA, alpha, column and row biases, fused ReLU, batch 1 and 32; and the rule's choice and
 * reason as the plan reports them.
 */
class SparsePlanTest {
    private static final Random RANDOM = new Random(3);

    /** 784-300-100-10 with ReLU, weights of the given density, plus a MatMul and a transA / alpha Gemm tail. */
    static Model sparseNet(double density) {
        GraphBuilder b = GraphBuilder.create("sparse");
        String x = b.input("x", DType.FLOAT32, "N", 784);
        String h1 = b.relu(b.linear(x, sparse(density, 300, 784), random(300)));
        String h2 = b.relu(b.linear(h1, sparse(density, 100, 300), random(100)));
        String h3 = b.matmul(h2, sparse(density, 100, 40));
        String w4 = b.constant("w4", sparse(density, 40, 10));
        String logits = b.gemm(h3, w4, b.constant("c4", random(10)), new Gemm(0.5f, 2f, 0, 0, Optional.empty()));
        return b.outputAs(logits, "logits").buildModel();
    }

    @Test
    void sparsePlanMatchesReferenceInterpreter() {
        for (double density : new double[] {0, 0.01, 0.1, 0.5}) {
            Model m = sparseNet(density);
            for (int batch : new int[] {1, 3, 32}) {
                Map<String, Tensor> feeds = Map.of("x", random(batch, 784));
                Tensor expected = run(m, SessionOptions.defaults().withKernels(KernelChoice.REFERENCE)
                        .withOptimize(false), feeds);
                for (int threads : new int[] {1, 2}) {
                    SessionOptions o = new SessionOptions(threads).withSparse(SparseLimits.always());
                    assertClose(expected, run(m, o, feeds), "density " + density + ", batch " + batch + ", threads "
                            + threads);
                }
            }
        }
    }

    @Test
    void transposedActivationAndRowBiasMatchReference() {
        GraphBuilder b = GraphBuilder.create("t");
        String x = b.input("x", DType.FLOAT32, 50, 6); // transA: X stored [in, batch]
        String w = b.constant("w", sparse(0.2, 50, 30));
        String y = b.gemm(x, w, b.constant("c", random(6, 1)), new Gemm(1.5f, 1f, 1, 0, Optional.empty()));
        Model m = b.outputAs(b.relu(y), "y").buildModel();
        Map<String, Tensor> feeds = Map.of("x", random(50, 6));
        Tensor expected = run(m, SessionOptions.defaults().withKernels(KernelChoice.REFERENCE), feeds);
        assertClose(expected, run(m, SessionOptions.defaults().withSparse(SparseLimits.always()), feeds), "transA");
        assertTrue(kernels(m, SessionOptions.defaults().withSparse(SparseLimits.always()), feeds).stream()
                .anyMatch(e -> e.kernel().contains("csr") && e.opType().contains("Gemm")));
    }

    @Test
    void ruleFollowsTheMeasuredLimitsAndSaysWhy() {
        Model sparse = sparseNet(0.03);
        Model medium = sparseNet(0.15);
        Map<String, Tensor> one = Map.of("x", random(1, 784));
        Map<String, Tensor> batch = Map.of("x", random(32, 784));
        SessionOptions o = SessionOptions.defaults();
        assertEquals(4, csrCount(kernels(sparse, o, one)), "3% density: sparse at batch 1");
        assertEquals(4, csrCount(kernels(medium, o, batch)), "15% density: sparse at batch 32");
        List<PlanEntry> mediumOne = kernels(medium, o, one);
        assertEquals(0, csrCount(mediumOne), "15% density: dense at batch 1 " + mediumOne);
        assertTrue(mediumOne.stream().anyMatch(e -> e.reason().contains("above the sparse limit 0.100 at batch 1")),
                mediumOne::toString);
        assertTrue(kernels(medium, o, batch).stream().anyMatch(e -> e.reason().contains("weight density 0.1")
                && e.reason().contains("<= sparse limit 0.250")), () -> kernels(medium, o, batch).toString());
        assertEquals(0, csrCount(kernels(sparse, o.withSparse(SparseLimits.off()), batch)), "sparse kernels off");
        assertEquals(0, csrCount(kernels(sparseNet(1), o, batch)), "dense weights");
    }

    @Test
    void sparsePointwiseConvolutionMatchesReference() {
        GraphBuilder b = GraphBuilder.create("pw");
        String x = b.input("x", DType.FLOAT32, "N", 24, 9, 7);
        String c1 = b.relu(b.conv(x, sparse4(0.1, 40, 24), random(40), 1, 0));
        String c2 = b.conv(c1, sparse4(0.02, 8, 40), null, 1, 0);
        Model m = b.outputAs(c2, "y").buildModel();
        for (int batch : new int[] {1, 3}) {
            Map<String, Tensor> feeds = Map.of("x", random(batch, 24, 9, 7));
            Tensor expected = run(m, SessionOptions.defaults().withKernels(KernelChoice.REFERENCE), feeds);
            for (SparseLimits limits : List.of(SparseLimits.always(), SparseLimits.measured())) {
                SessionOptions o = new SessionOptions(2).withSparse(limits);
                assertClose(expected, run(m, o, feeds), "pointwise, batch " + batch + ", " + limits);
            }
            List<PlanEntry> plan = kernels(m, SessionOptions.defaults().withSparse(SparseLimits.always()), feeds);
            assertEquals(2, csrCount(plan), plan::toString);
            assertEquals(0, csrCount(kernels(m, SessionOptions.defaults().withSparse(SparseLimits.off()), feeds)));
        }
    }

    private static Tensor sparse4(double density, int out, int in) {
        Tensor t = sparse(density, out, in);
        return Tensor.of(t.floats(), out, in, 1, 1);
    }

    private static long csrCount(List<PlanEntry> entries) {
        return entries.stream().filter(e -> e.kernel().contains("csr")).count();
    }

    private static List<PlanEntry> kernels(Model m, SessionOptions o, Map<String, Tensor> feeds) {
        try (Session s = Session.create(m, o)) {
            return s.plan(feeds).entries();
        }
    }

    private static Tensor run(Model m, SessionOptions o, Map<String, Tensor> feeds) {
        try (Session s = Session.create(m, o)) {
            return s.run(feeds).values().iterator().next();
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

    /** A random matrix with each element kept with probability {@code density}. */
    static Tensor sparse(double density, int rows, int cols) {
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) v[i] = RANDOM.nextDouble() < density ? RANDOM.nextFloat() - 0.5f : 0f;
        return Tensor.of(v, rows, cols);
    }

    static Tensor random(int... dims) {
        int n = 1;
        for (int d : dims) n *= d;
        float[] v = new float[n];
        for (int i = 0; i < v.length; i++) v[i] = RANDOM.nextFloat() - 0.5f;
        return Tensor.of(v, dims);
    }
}
