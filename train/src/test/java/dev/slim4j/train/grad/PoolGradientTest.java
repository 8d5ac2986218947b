package dev.slim4j.train.grad;

import dev.slim4j.ir.op.AutoPad;
import dev.slim4j.ir.op.AveragePool;
import dev.slim4j.ir.op.GlobalAveragePool;
import dev.slim4j.ir.op.GlobalMaxPool;
import dev.slim4j.ir.op.MaxPool;
import dev.slim4j.ir.op.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoolGradientTest {
    private static void check(Op op, int... x) {
        Net n = new Net();
        n.output(n.node(op, n.input("x", x))).check();
    }

    @Test void maxPoolRoutesToTheMaximum() {
        check(new MaxPool(AutoPad.NOTSET, 0, List.of(), List.of(3L, 3L), List.of(1L, 1L, 1L, 1L), 0, List.of(2L, 2L)),
                2, 3, 7, 5);
        check(new MaxPool(AutoPad.NOTSET, 0, List.of(), List.of(2L, 2L), List.of(), 0, List.of(1L, 1L)), 1, 2, 5, 5);
    }

    @Test void maxPoolCeilModeDilationsAndIndicesOutput() {
        MaxPool op = new MaxPool(AutoPad.NOTSET, 1, List.of(2L, 1L), List.of(2L, 3L), List.of(0L, 1L, 0L, 0L), 0,
                List.of(2L, 2L));
        Net n = new Net();
        List<String> out = n.nodes(op, 2, n.input("x", 1, 2, 8, 7));
        n.output(out.getFirst()).check();
    }

    @Test void maxPool1d() {
        check(new MaxPool(AutoPad.NOTSET, 0, List.of(), List.of(3L), List.of(1L, 1L), 0, List.of(2L)), 2, 3, 9);
    }

    @Test void averagePoolWithAndWithoutPadsInTheCount() {
        for (long include = 0; include < 2; include++) {
            check(new AveragePool(AutoPad.NOTSET, 0, include, List.of(), List.of(3L, 2L), List.of(1L, 1L, 1L, 0L),
                    List.of(2L, 1L)), 2, 3, 5, 6);
            check(new AveragePool(AutoPad.NOTSET, 1, include, List.of(), List.of(3L, 3L), List.of(1L, 1L, 1L, 1L),
                    List.of(2L, 2L)), 1, 2, 6, 7);
        }
    }

    @Test void globalPools() {
        check(new GlobalAveragePool(), 2, 3, 5, 4);
        check(new GlobalAveragePool(), 2, 3, 7);
        check(new GlobalMaxPool(), 2, 3, 5, 3);
    }
}
