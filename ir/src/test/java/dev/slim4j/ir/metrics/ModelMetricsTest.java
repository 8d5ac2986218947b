package dev.slim4j.ir.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.Dim;
import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.TensorType;
import dev.slim4j.ir.Value;
import dev.slim4j.ir.op.Ops;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Metrics of tiny graphs, checked against values computed by hand. */
class ModelMetricsTest {
    private static Node node(String name, String op, Attributes attrs, List<String> in, String out) {
        return new Node(name, Ops.create("", op, 17, attrs), in, List.of(out));
    }

    private static Tensor zeros(int... dims) { return Tensor.allocate(DType.FLOAT32, Shape.of(dims)); }

    /** x[N,3,8,8] -> Conv(4x3x3x3, pad 1) -> Relu -> Flatten -> Gemm(W2 10x256, transB) -> [1,10]. */
    private static Model convNet() {
        Attributes conv = Attributes.builder().putInts("kernel_shape", List.of(3L, 3L))
                .putInts("pads", List.of(1L, 1L, 1L, 1L)).build();
        Attributes gemm = Attributes.builder().put("transB", 1L).build();
        Graph g = Graph.builder("convnet")
                .input(new Value("x", TensorType.of(DType.FLOAT32, List.of(Dim.symbol("N"), Dim.of(3), Dim.of(8), Dim.of(8)))))
                .initializer("W", zeros(4, 3, 3, 3)).initializer("B", zeros(4))
                .initializer("W2", zeros(10, 256)).initializer("C", zeros(10))
                .node(node("conv", "Conv", conv, List.of("x", "W", "B"), "y"))
                .node(node("relu", "Relu", Attributes.EMPTY, List.of("y"), "r"))
                .node(node("flat", "Flatten", Attributes.EMPTY, List.of("r"), "f"))
                .node(node("fc", "Gemm", gemm, List.of("f", "W2", "C"), "out"))
                .valueInfo("y", TensorType.of(DType.FLOAT32, 1, 4, 8, 8))
                .valueInfo("r", TensorType.of(DType.FLOAT32, 1, 4, 8, 8))
                .valueInfo("f", TensorType.of(DType.FLOAT32, 1, 256))
                .output(new Value("out", TensorType.of(DType.FLOAT32, 1, 10)))
                .build();
        return Model.of(g);
    }

    @Test void convAndGemmMacsParamsAndBytes() {
        ModelMetrics m = ModelMetrics.measure(convNet());
        // Conv: N*Cout*H*W*(Cin/group)*kH*kW = 1*4*8*8*3*3*3; Gemm: M*N*K = 1*10*256
        assertEquals(6912, m.nodes().get(0).macs().getAsLong());
        assertEquals(0, m.nodes().get(1).macs().getAsLong());
        assertEquals(2560, m.nodes().get(3).macs().getAsLong());
        assertEquals(6912 + 2560, m.macs());
        assertEquals(0, m.nodesWithUnknownMacs());
        assertEquals(108 + 4, m.nodes().get(0).params());
        assertEquals(2560 + 10, m.nodes().get(3).params());
        assertEquals(2682, m.params());
        assertEquals(2682 * 4, m.weightBytes());
    }

    @Test void peakActivationFollowsLiveness() {
        ModelMetrics m = ModelMetrics.measure(convNet());
        // x 768 B + y 1024 B at the conv; then y+r, r+f each 2048 B; f + out 1064 B
        assertEquals(2048, m.peakActivationBytes());
        assertEquals(0, m.valuesWithUnknownSize());
        assertEquals(1, m.assumptions().size());
        assertTrue(m.assumptions().get(0).contains("'x' dim 0 (N) taken as 1"), m.assumptions().toString());
    }

    @Test void batchedMatMulAndTransposedGemm() {
        Graph g = Graph.builder("mm")
                .input(new Value("a", TensorType.of(DType.FLOAT32, 2, 3, 4)))
                .input(new Value("p", TensorType.of(DType.FLOAT32, 6, 2)))
                .initializer("b", zeros(4, 5)).initializer("q", zeros(6, 3))
                .node(node("mm", "MatMul", Attributes.EMPTY, List.of("a", "b"), "c"))
                .node(node("gemm", "Gemm", Attributes.builder().put("transA", 1L).build(), List.of("p", "q"), "d"))
                .valueInfo("c", TensorType.of(DType.FLOAT32, 2, 3, 5))
                .output(new Value("c", TensorType.of(DType.FLOAT32, 2, 3, 5)))
                .output(new Value("d", TensorType.of(DType.FLOAT32, 2, 3)))
                .build();
        ModelMetrics m = ModelMetrics.measure(Model.of(g));
        assertEquals(2 * 3 * 5 * 4, m.nodes().get(0).macs().getAsLong());
        assertEquals(2 * 3 * 6, m.nodes().get(1).macs().getAsLong()); // A^T is 2x6: M=2, K=6, N=3
        // a 96 B and p 48 B live from the start; c 120 B joins at the MatMul (peak), then a is freed
        // before d 24 B is allocated
        assertEquals(96 + 48 + 120, m.peakActivationBytes());
    }

    @Test void convTransposeCountsInputElementsTimesWeightSlice() {
        Graph g = Graph.builder("deconv")
                .input(new Value("x", TensorType.of(DType.FLOAT32, 1, 2, 3, 3)))
                .initializer("w", zeros(2, 4, 3, 3))
                .node(node("up", "ConvTranspose", Attributes.EMPTY, List.of("x", "w"), "y"))
                .output(new Value("y", TensorType.of(DType.FLOAT32, 1, 4, 5, 5)))
                .build();
        ModelMetrics m = ModelMetrics.measure(Model.of(g));
        assertEquals(1 * 2 * 3 * 3 * 4 * 3 * 3, m.macs()); // N*Cin*Hin*Win*(Cout/group)*kH*kW
    }

    @Test void sharedWeightCountsOnceAndUnknownShapesAreReported() {
        Graph g = Graph.builder("shared")
                .input(new Value("a", TensorType.unranked(DType.FLOAT32)))
                .initializer("w", zeros(4, 4))
                .node(node("m1", "MatMul", Attributes.EMPTY, List.of("a", "w"), "b"))
                .node(node("m2", "MatMul", Attributes.EMPTY, List.of("b", "w"), "c"))
                .output(new Value("c", TensorType.unranked(DType.FLOAT32)))
                .build();
        ModelMetrics m = ModelMetrics.measure(Model.of(g));
        assertEquals(16, m.params());
        assertEquals(16, m.nodes().get(0).params());
        assertEquals(0, m.nodes().get(1).params());
        assertEquals(2, m.nodesWithUnknownMacs());
        assertTrue(m.nodes().get(0).macs().isEmpty());
        assertTrue(m.valuesWithUnknownSize() >= 2);
    }
}
