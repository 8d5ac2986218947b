package dev.slim4j.train.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Update sequences by hand from the published rules, and, for longer ones, the values
 * torch.optim (2.x) gives for the same start and gradients (three steps each).
 */
class OptimizerTest {
    private static final float[][] GRADS = {{0.1f, -0.2f, 0.3f}, {-0.5f, 0.4f, 0f}, {0.2f, 0.2f, -0.1f}};

    private static float[][] run(Optimizer o) {
        Parameter p = o.parameters().get("w");
        float[][] out = new float[GRADS.length][];
        for (int s = 0; s < GRADS.length; s++) {
            System.arraycopy(GRADS[s], 0, p.gradient(), 0, 3);
            o.step();
            out[s] = p.values().clone();
        }
        return out;
    }

    private static ParameterSet start() {
        return new ParameterSet().add("w", new float[] {1f, -2f, 0.5f});
    }

    private static void assertSteps(double[][] expected, float[][] actual) {
        for (int s = 0; s < expected.length; s++) {
            for (int i = 0; i < 3; i++) assertEquals(expected[s][i], actual[s][i], 2e-6, "step " + s + " element " + i);
        }
    }

    @Test void plainSgdByHand() {
        float[][] w = run(Optimizer.sgd(start(), SgdConfig.defaults().withLearningRate(0.1)));
        assertSteps(new double[][] {{0.99, -1.98, 0.47}, {1.04, -2.02, 0.47}, {1.02, -2.04, 0.48}}, w);
    }

    @Test void sgdMomentumByHand() {
        // b1 = g1; b2 = 0.9 b1 + g2 = (-0.41, 0.22, 0.27); w2 = w1 - 0.1 b2
        float[][] w = run(Optimizer.sgd(start(), SgdConfig.defaults().withLearningRate(0.1).withMomentum(0.9)));
        assertSteps(new double[][] {{0.99, -1.98, 0.47}, {1.031, -2.002, 0.443}, {1.0479, -2.0418, 0.4287}}, w);
    }

    @Test void sgdNesterovWithWeightDecayMatchesTorch() {
        SgdConfig c = SgdConfig.defaults().withLearningRate(0.1).withMomentum(0.9).withNesterov(true).withWeightDecay(0.01);
        assertSteps(new double[][] {{0.9791, -1.9582, 0.44205}, {1.06332971, -2.01265942, 0.416505105},
                {1.054997312551, -2.061611225102, 0.4121211848}}, run(Optimizer.sgd(start(), c)));
    }

    @Test void twoAdamStepsByHand() {
        // w = 1, g = 0.5 then -0.25, lr 0.1, betas (0.9, 0.999), eps 1e-8
        ParameterSet ps = new ParameterSet().add("w", new float[] {1f});
        Optimizer adam = Optimizer.adam(ps, AdamConfig.defaults().withLearningRate(0.1));
        Parameter w = ps.get("w");
        w.gradient()[0] = 0.5f;
        adam.step();
        double m1 = 0.1 * 0.5, v1 = 0.001 * 0.25;
        double w1 = 1 - 0.1 * (m1 / 0.1) / (Math.sqrt(v1 / 0.001) + 1e-8);
        assertEquals(w1, w.values()[0], 1e-7);
        w.gradient()[0] = -0.25f;
        adam.step();
        double m2 = 0.9 * m1 + 0.1 * -0.25, v2 = 0.999 * v1 + 0.001 * 0.0625;
        double w2 = w1 - 0.1 * (m2 / (1 - 0.81)) / (Math.sqrt(v2 / (1 - 0.998001)) + 1e-8);
        assertEquals(0.8733662987078463, w2, 1e-12); // torch.optim.Adam, float64
        assertEquals(w2, w.values()[0], 1e-6);
        assertEquals(2, adam.stepCount());
    }

    @Test void adamMatchesTorch() {
        assertSteps(new double[][] {{0.90000001, -1.900000005, 0.400000003333},
                {0.959835426552, -1.936610356546, 0.332994181079}, {0.979554918874, -1.988534436332, 0.304080646349}},
                run(Optimizer.adam(start(), AdamConfig.defaults().withLearningRate(0.1))));
    }

    @Test void adamWithL2WeightDecayMatchesTorch() {
        assertSteps(new double[][] {{0.900000005, -1.9000000025, 0.400000002857},
                {0.937522034544, -1.875283168837, 0.32497436529}, {0.927303798839, -1.85794868417, 0.28005117075}},
                run(Optimizer.adam(start(), AdamConfig.defaults().withLearningRate(0.1).withWeightDecay(0.1))));
    }

    @Test void adamWMatchesTorch() {
        assertSteps(new double[][] {{0.89000001, -1.880000005, 0.395000003333},
                {0.940935426452, -1.897810356496, 0.324044181046}, {0.95124556451, -1.930756332717, 0.291890204505}},
                run(Optimizer.adam(start(), AdamConfig.adamW().withLearningRate(0.1).withWeightDecay(0.1))));
    }

    @Test void frozenParametersAreNotUpdated() {
        ParameterSet ps = new ParameterSet().add("conv.weight", new float[] {1, 2}).add("fc.weight", new float[] {3});
        ps.freezeIf(n -> n.startsWith("conv."));
        for (Parameter p : ps.all()) java.util.Arrays.fill(p.gradient(), 1f);
        Optimizer sgd = Optimizer.sgd(ps, SgdConfig.defaults().withLearningRate(0.5).withWeightDecay(0.1));
        sgd.step();
        assertArrayEquals(new float[] {1, 2}, ps.get("conv.weight").values());
        assertArrayEquals(new float[] {3 - 0.5f * 1.3f}, ps.get("fc.weight").values(), 1e-6f);
        assertEquals(1, ps.trainableCount());
        ps.unfreeze("conv.weight");
        sgd.step();
        assertArrayEquals(new float[] {1 - 0.5f * 1.1f, 2 - 0.5f * 1.2f}, ps.get("conv.weight").values(), 1e-6f);
    }

    @Test void scheduleScalesTheLearningRate() {
        ParameterSet ps = new ParameterSet().add("w", new float[] {0});
        Optimizer sgd = Optimizer.sgd(ps, SgdConfig.defaults().withLearningRate(1)
                .withSchedule(LearningRateSchedule.step(2, 0.1)));
        ps.get("w").gradient()[0] = 1;
        for (int i = 0; i < 5; i++) sgd.step();
        assertEquals(-(1 + 1 + 0.1 + 0.1 + 0.01), ps.get("w").values()[0], 1e-6);
        assertEquals(0.01, sgd.learningRate(), 1e-12);
    }

    @Test void clearErrors() {
        ParameterSet ps = start();
        String m = assertThrows(IllegalArgumentException.class, () -> ps.get("b")).getMessage();
        assertEquals("unknown parameter 'b', expected one of [w]", m);
        assertThrows(IllegalArgumentException.class, () -> ps.add("w", new float[1]));
        assertThrows(IllegalArgumentException.class, () -> new Parameter("x", new float[2], new float[3]));
        m = assertThrows(IllegalArgumentException.class, () -> SgdConfig.defaults().withNesterov(true)).getMessage();
        assertTrue(m.contains("nesterov"), m);
    }

    @Test void zeroGradientsClearsAll() {
        ParameterSet ps = start().add("b", new float[] {1}, new float[] {4});
        ps.freeze("b");
        ps.get("w").gradient()[1] = 3;
        ps.zeroGradients();
        assertArrayEquals(new float[3], ps.get("w").gradient());
        assertArrayEquals(new float[1], ps.get("b").gradient());
    }
}
