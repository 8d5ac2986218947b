package dev.slim4j.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.ir.op.Clip;
import dev.slim4j.ir.op.Conv;
import dev.slim4j.ir.op.Gemm;
import dev.slim4j.ir.op.Identity;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.ShapeException;
import dev.slim4j.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphBuilderTest {
    private static Tensor zeros(int... dims) { return Tensor.allocate(DType.FLOAT32, Shape.of(dims)); }

    /** LeNet-5 with shapes computed by hand: 28 -pad2 conv5-> 28 -pool2-> 14 -conv5-> 10 -pool2-> 5; 16*5*5 = 400. */
    static Graph lenet(Object batch) {
        var b = GraphBuilder.create("lenet");
        var x = b.input("x", DType.FLOAT32, batch, 1, 28, 28);
        var c1 = b.relu(b.conv(x, zeros(6, 1, 5, 5), zeros(6), 1, 2));
        var p1 = b.maxPool(c1, 2, 2, 0);
        var c2 = b.relu(b.conv(p1, zeros(16, 6, 5, 5), zeros(16), 1, 0));
        var p2 = b.maxPool(c2, 2, 2, 0);
        var f = b.flatten(p2, 1);
        var h = b.relu(b.linear(f, zeros(120, 400), zeros(120)));
        var y = b.softmax(b.linear(h, zeros(10, 120), zeros(10)), 1);
        return b.outputAs(y, "y").build();
    }

    @Test void lenetHasHandComputedTypes() {
        Graph g = lenet("N");
        assertEquals(TensorType.of(DType.FLOAT32, List.of(Dim.symbol("N"), Dim.of(6), Dim.of(28), Dim.of(28))),
                g.valueInfo().get("conv1"));
        assertEquals(TensorType.of(DType.FLOAT32, List.of(Dim.symbol("N"), Dim.of(16), Dim.of(5), Dim.of(5))),
                g.valueInfo().get("maxpool2"));
        GraphVerifier.verify(g);
        Graph fixed = lenet(4);
        assertEquals(List.of(new Value("y", TensorType.of(DType.FLOAT32, 4, 10))), fixed.outputs());
        assertEquals(TensorType.of(DType.FLOAT32, 4, 400), fixed.valueInfo().get("flatten1"));
        GraphVerifier.verify(fixed);
    }

    @Test void convRecordCarriesKernelPadsAndStrides() {
        Graph g = lenet("N");
        Conv c = assertInstanceOf(Conv.class, g.nodes().getFirst().op());
        assertEquals(List.of(5L, 5L), c.kernelShape());
        assertEquals(List.of(2L, 2L, 2L, 2L), c.pads());
        assertEquals(List.of(1L, 1L), c.strides());
        assertEquals(1, c.group());
        assertEquals(List.of("x", "conv1.weight", "conv1.bias"), g.nodes().getFirst().inputs());
    }

    @Test void weightsAreTrainableAndRunningStatisticsAreNot() {
        var b = GraphBuilder.create("bn");
        var x = b.input("x", DType.FLOAT32, 2, 3, 4, 4);
        var y = b.batchNorm(b.conv(x, zeros(3, 3, 1, 1), null, 1, 0), zeros(3), zeros(3), zeros(3), zeros(3), 1e-5f);
        Graph g = b.output(y).build();
        assertEquals(List.of("conv1.weight", "batchnormalization1.weight", "batchnormalization1.bias"),
                List.copyOf(g.trainable()));
        assertTrue(g.initializers().containsKey("batchnormalization1.running_var"));
        GraphVerifier.verify(g);
    }

    @Test void linearIsGemmWithTransposedWeight() {
        var b = GraphBuilder.create("mlp");
        var x = b.input("x", DType.FLOAT32, "B", 4);
        var y = b.linear(x, zeros(3, 4), null);
        Graph g = b.output(y).build();
        Gemm gemm = assertInstanceOf(Gemm.class, g.nodes().getFirst().op());
        assertEquals(1, gemm.transB());
        assertEquals(TensorType.of(DType.FLOAT32, List.of(Dim.symbol("B"), Dim.of(3))), g.outputs().getFirst().type());
    }

    @Test void relu6IsClipWithConstantBounds() {
        var b = GraphBuilder.create("m");
        var x = b.input("x", DType.FLOAT32, 1, 8);
        Graph g = b.output(b.relu6(x)).build();
        Node clip = g.nodes().getFirst();
        assertInstanceOf(Clip.class, clip.op());
        assertEquals(0f, g.initializers().get(clip.input(1)).getFloat(0));
        assertEquals(6f, g.initializers().get(clip.input(2)).getFloat(0));
        assertFalse(g.trainable().contains(clip.input(1)));
    }

    @Test void generatedNamesAvoidUserNames() {
        var b = GraphBuilder.create("m");
        var x = b.input("relu1", DType.FLOAT32, 2);
        var r = b.relu(x);
        var s = b.named("last").relu(r);
        assertEquals("relu2", r);
        assertEquals("last", s);
        assertThrows(IllegalArgumentException.class, () -> b.named("relu1"));
    }

    @Test void shapeMistakeFailsNamingTheNode() {
        var b = GraphBuilder.create("m");
        var x = b.input("x", DType.FLOAT32, 1, 3, 8, 8);
        var e = assertThrows(ShapeException.class, () -> b.conv(x, zeros(4, 2, 3, 3), null, 1, 1));
        assertTrue(e.getMessage().contains("conv1 (Conv)"), e.getMessage());
    }

    @Test void readingAnUnknownValueFails() {
        var b = GraphBuilder.create("m");
        var e = assertThrows(IllegalArgumentException.class, () -> b.relu("nope"));
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
    }

    @Test void genericNodeAndResidualAdd() {
        var b = GraphBuilder.create("res");
        var x = b.input("x", DType.FLOAT32, 1, 4, 8, 8);
        var id = b.node(new Identity(), x);
        var y = b.add(b.relu(b.conv(x, zeros(4, 4, 3, 3), zeros(4), 1, 1)), id);
        Graph g = b.output(y).build();
        assertEquals(TensorType.of(DType.FLOAT32, 1, 4, 8, 8), g.outputs().getFirst().type());
        GraphVerifier.verify(g);
    }

    @Test void modelImportsTheBuilderOpset() {
        var b = GraphBuilder.create("m", 11);
        var x = b.input("x", DType.FLOAT32, 2);
        Model m = b.output(b.relu(x)).buildModel();
        assertEquals(11, m.opset(""));
        assertEquals("slim4j", m.producerName());
    }

    @Test void reshapeConcatAndTranspose() {
        var b = GraphBuilder.create("m");
        var x = b.input("x", DType.FLOAT32, 2, 3, 4);
        var r = b.reshape(x, 6, -1);
        var c = b.concat(0, r, r);
        var t = b.transpose(c, 1, 0);
        Graph g = b.output(t).build();
        assertEquals(TensorType.of(DType.FLOAT32, 4, 12), g.outputs().getFirst().type());
    }
}
