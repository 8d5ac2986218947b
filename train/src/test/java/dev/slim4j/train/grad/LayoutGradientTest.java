package dev.slim4j.train.grad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.ir.op.Concat;
import dev.slim4j.ir.op.Dropout;
import dev.slim4j.ir.op.Expand;
import dev.slim4j.ir.op.Flatten;
import dev.slim4j.ir.op.Gather;
import dev.slim4j.ir.op.Identity;
import dev.slim4j.ir.op.Op;
import dev.slim4j.ir.op.Pad;
import dev.slim4j.ir.op.Reshape;
import dev.slim4j.ir.op.Slice;
import dev.slim4j.ir.op.Split;
import dev.slim4j.ir.op.Squeeze;
import dev.slim4j.ir.op.Tile;
import dev.slim4j.ir.op.Transpose;
import dev.slim4j.ir.op.Unsqueeze;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LayoutGradientTest {
    private static void check(Op op, int[] x, Tensor... constants) {
        Net n = new Net();
        String[] inputs = new String[constants.length + 1];
        inputs[0] = n.input("x", x);
        for (int i = 0; i < constants.length; i++) inputs[i + 1] = n.constant("c" + i, constants[i]);
        n.output(n.node(op, inputs)).check();
    }

    @Test void viewsPassTheGradientThrough() {
        check(new Identity(), new int[] {2, 3});
        check(new Reshape(false), new int[] {2, 3, 5}, Tensor.vector(0, -1));
        check(new Reshape(false), new int[] {2, 3, 5}, Tensor.vector(5, -1, 1));
        check(new Flatten(2), new int[] {2, 3, 5, 1});
        check(new Squeeze(Optional.of(List.of(1L))), new int[] {3, 1, 5});
        check(new Unsqueeze(Optional.of(List.of(0L, 3L))), new int[] {3, 5});
    }

    @Test void transposeWithAndWithoutPerm() {
        check(new Transpose(Optional.of(List.of(2L, 0L, 3L, 1L))), new int[] {2, 3, 5, 4});
        check(new Transpose(Optional.empty()), new int[] {3, 5, 2});
    }

    @Test void concatSendsEachInputItsBand() {
        for (long axis : new long[] {1, -1, 0}) {
            Net n = new Net();
            String y = n.node(new Concat(axis), n.input("a", 2, 3, 3), n.param("b", 2, 3, 3), n.input("c", 2, 3, 3));
            n.output(y).check();
        }
        Net n = new Net();
        n.output(n.node(new Concat(1), n.input("a", 2, 1, 3), n.param("b", 2, 4, 3))).check();
    }

    @Test void splitJoinsThePiecesEvenWhenOneIsUnused() {
        Net n = new Net();
        List<String> out = n.nodes(new Split(1, Optional.of(List.of(2L, 1L, 4L))), 3, n.input("x", 3, 7, 2));
        n.output(out.get(0), out.get(2)).check();
        n = new Net();
        out = n.nodes(new Split(-1, Optional.empty()), 2, n.input("x", 3, 6));
        n.output(out.get(0), out.get(1)).check();
    }

    @Test void sliceScattersIntoTheTakenElements() {
        check(Slice.withInputs(), new int[] {5, 7}, Tensor.vector(1, -1), Tensor.vector(4, 0), Tensor.vector(0, 1),
                Tensor.vector(2, -2));
        check(Slice.withInputs(), new int[] {3, 6, 4}, Tensor.vector(1), Tensor.vector(100), Tensor.vector(1));
    }

    @Test void padConstantReflectAndEdge() {
        check(new Pad("constant", Optional.empty(), Optional.empty()), new int[] {3, 4},
                Tensor.vector(1, 2, 0, 1), Tensor.ofDoubles(Shape.scalar(), 0.5));
        check(new Pad("constant", Optional.of(List.of(0L, 1L, -1L, 2L)), Optional.empty()), new int[] {3, 4});
        check(new Pad("reflect", Optional.empty(), Optional.empty()), new int[] {3, 5}, Tensor.vector(2, 1, 1, 3));
        check(new Pad("edge", Optional.empty(), Optional.empty()), new int[] {2, 3, 4}, Tensor.vector(0, 2, 1, 0, 1, 3));
    }

    @Test void expandTileAndGather() {
        check(new Expand(), new int[] {3, 1}, Tensor.vector(2, 3, 4));
        check(new Tile(), new int[] {2, 3}, Tensor.vector(2, 3));
        Net n = new Net();
        Tensor indices = Tensor.ofLongs(Shape.of(2, 2), 0, 2, -1, 0);
        n.output(n.node(new Gather(0), n.param("table", 4, 3), n.constant("i", indices))).check();
        n = new Net();
        n.output(n.node(new Gather(1), n.input("x", 2, 4, 3), n.constant("i", Tensor.vector(3, 1, 3)))).check();
    }

    @Test void dropoutInTrainingDropsAndScalesWithASeededMask() {
        Net n = new Net();
        List<String> out = n.nodes(new Dropout(Optional.of(0.4f), Optional.empty()), 2, n.input("x", n.random(1, 2, 5, 9)));
        n.output(out.getFirst());
        n.check(TapeOptions.training(3));
        Tape tape = Tape.record(n.graph(), n.feeds(), TapeOptions.training(3));
        Tensor x = tape.value("x");
        Tensor y = tape.value(out.get(0));
        Tensor mask = tape.value(out.get(1));
        int dropped = 0;
        for (int i = 0; i < x.size(); i++) {
            boolean kept = mask.getBoolean(i);
            assertEquals(kept ? x.getDouble(i) / 0.6 : 0, y.getDouble(i), 1e-6);
            if (!kept) dropped++;
        }
        assertTrue(dropped > 5 && dropped < 30, "dropped " + dropped + " of 45");
        assertEquals(tape.value(out.getFirst()), Tape.record(n.graph(), n.feeds(), TapeOptions.training(3)).value(out.getFirst()));
        assertEquals(x, Tape.record(n.graph(), n.feeds(), TapeOptions.inference()).value(out.getFirst()));
        n.check(TapeOptions.inference());
    }
}
