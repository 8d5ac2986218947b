package dev.slim4j.train.grad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.ir.op.BatchNormalization;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NormalizationGradientTest {
    private static final BatchNormalization BN = new BatchNormalization(1e-3f, 0.9f, 0, Optional.empty(), Optional.empty());

    private static Net net(int... x) {
        Net n = new Net();
        int c = x[1];
        String y = n.node(BN, n.input("x", x), n.param("scale", c), n.param("bias", c),
                n.constant("mean", n.random(-0.5, 0.5, c)), n.constant("var", n.random(0.5, 1.5, c)));
        return n.output(y);
    }

    @Test void trainingModeUsesBatchStatistics() {
        net(3, 2, 4, 5).check(TapeOptions.training(1));
        net(5, 3).check(TapeOptions.training(1));
    }

    @Test void inferenceModeUsesRunningStatistics() {
        net(3, 2, 4, 5).check();
        net(4, 3, 5).check();
    }

    @Test void runningStatisticsMoveByMomentum() {
        Net n = new Net();
        Tensor x = Tensor.ofDoubles(Shape.of(2, 1, 2), 1, 3, 5, 7);
        String y = n.node(BN, n.input("x", x), n.param("scale", Tensor.ofDoubles(Shape.of(1), 1)),
                n.param("bias", Tensor.ofDoubles(Shape.of(1), 0)), n.constant("mean", Tensor.ofDoubles(Shape.of(1), 2)),
                n.constant("var", Tensor.ofDoubles(Shape.of(1), 1)));
        Tape tape = Tape.record(n.output(y).graph(), n.feeds(), TapeOptions.training(0));
        // batch mean 4, population variance (9 + 1 + 1 + 9) / 4 = 5
        assertEquals(2 * 0.9 + 4 * 0.1, tape.runningStatistics().get("mean").getDouble(0), 1e-6);
        assertEquals(1 * 0.9 + 5 * 0.1, tape.runningStatistics().get("var").getDouble(0), 1e-6);
        double s = Math.sqrt(5 + 1e-3);
        assertArrayEquals(new double[] {-3 / s, -1 / s, 1 / s, 3 / s}, tape.value(y).doubles(), 1e-6);
        assertTrue(Tape.record(n.graph(), n.feeds(), TapeOptions.inference()).runningStatistics().isEmpty());
    }
}
