package dev.slim4j.train.grad;

import dev.slim4j.ir.op.AutoPad;
import dev.slim4j.ir.op.Conv;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConvGradientTest {
    private static Conv conv(long group, List<Long> pads, List<Long> strides, List<Long> dilations) {
        return new Conv(AutoPad.NOTSET, dilations, group, List.of(), pads, strides);
    }

    private static void check(Conv op, int[] x, int[] w, boolean bias) {
        Net n = new Net();
        String in = n.input("x", x);
        String weight = n.param("w", w);
        String y = bias ? n.node(op, in, weight, n.param("b", w[0])) : n.node(op, in, weight);
        n.output(y).check();
    }

    @Test void plainWithBiasAndPadding() {
        check(conv(1, List.of(1L, 1L, 1L, 1L), List.of(), List.of()), new int[] {2, 3, 5, 7}, new int[] {4, 3, 3, 3}, true);
    }

    @Test void stridesAsymmetricPadsAndDilations() {
        check(conv(1, List.of(1L, 0L, 2L, 1L), List.of(2L, 3L), List.of(2L, 1L)),
                new int[] {1, 2, 7, 9}, new int[] {3, 2, 3, 2}, true);
    }

    @Test void groups() {
        check(conv(2, List.of(0L, 1L, 0L, 1L), List.of(1L, 2L), List.of()), new int[] {2, 4, 5, 5},
                new int[] {6, 2, 3, 3}, true);
    }

    @Test void depthwiseStrided() {
        check(conv(3, List.of(1L, 1L, 1L, 1L), List.of(2L, 2L), List.of()), new int[] {1, 3, 6, 5},
                new int[] {3, 1, 3, 3}, false);
    }

    @Test void depthwiseWithMultiplier() {
        check(conv(3, List.of(), List.of(), List.of()), new int[] {1, 3, 5, 5}, new int[] {6, 1, 3, 3}, true);
    }

    @Test void oneAndThreeSpatialAxes() {
        check(conv(1, List.of(2L, 1L), List.of(2L), List.of()), new int[] {2, 3, 9}, new int[] {2, 3, 4}, true);
        check(conv(1, List.of(), List.of(), List.of()), new int[] {1, 2, 3, 4, 5}, new int[] {2, 2, 2, 2, 3}, true);
    }

    @Test void autoPadSameUpperStrided() {
        check(new Conv(AutoPad.SAME_UPPER, List.of(), 1, List.of(), List.of(), List.of(2L, 2L)),
                new int[] {1, 2, 7, 6}, new int[] {3, 2, 3, 3}, true);
    }
}
