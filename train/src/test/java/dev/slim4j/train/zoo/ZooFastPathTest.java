package dev.slim4j.train.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.slim4j.ir.Model;
import dev.slim4j.ir.Value;
import dev.slim4j.runtime.Session;
import dev.slim4j.runtime.SessionOptions;
import dev.slim4j.runtime.plan.KernelChoice;
import dev.slim4j.runtime.plan.Plan;
import dev.slim4j.tensor.Tensor;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every zoo model through the fast plan (optimizer, fused kernels, 2 threads) against the reference interpreter
 * on the graph as built, on a batch of 3 random images: the "fast path agrees on every zoo model".
 */
class ZooFastPathTest {
    @Test
    void fastPlanAgreesWithReferenceOnEveryZooModel() {
        Random random = new Random(3);
        for (String name : ModelZoo.names()) {
            Model model = ModelZoo.build(name, 11);
            Value input = model.graph().runtimeInputs().getFirst();
            float[] x = new float[3 * 28 * 28];
            for (int i = 0; i < x.length; i++) x[i] = random.nextFloat() * 2 - 1;
            Map<String, Tensor> feeds = Map.of(input.name(), Tensor.of(x, 3, 1, 28, 28));
            Map<String, Tensor> expected;
            try (Session s = Session.create(model, SessionOptions.defaults().withKernels(KernelChoice.REFERENCE)
                    .withOptimize(false))) {
                expected = s.run(feeds);
            }
            try (Session s = Session.create(model, new SessionOptions(2))) {
                Plan plan = s.plan(feeds);
                assertTrue(plan.entries().stream().noneMatch(e -> e.kernel().equals("reference")),
                        name + ": " + plan.entries());
                Map<String, Tensor> actual = s.run(feeds);
                assertEquals(expected.keySet(), actual.keySet());
                for (String out : expected.keySet()) compare(name + " " + out, expected.get(out), actual.get(out));
            }
        }
    }

    private static void compare(String what, Tensor expected, Tensor actual) {
        assertEquals(expected.shape(), actual.shape(), what);
        float[] e = expected.floats();
        float[] a = actual.floats();
        double scale = 1e-6;
        for (float v : e) scale = Math.max(scale, Math.abs(v));
        for (int i = 0; i < e.length; i++) {
            if (Math.abs(e[i] - a[i]) > 1e-4 * scale) {
                fail(what + " element " + i + ": expected " + e[i] + ", found " + a[i] + " (scale " + scale + ")");
            }
        }
    }
}
