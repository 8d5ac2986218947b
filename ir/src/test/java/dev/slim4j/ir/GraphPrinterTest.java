package dev.slim4j.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slim4j.ir.op.OpaqueOp;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphPrinterTest {
    /** Output size by hand: floor((4 + 1 + 1 - 3) / 2) + 1 = 2. */
    private static Graph small() {
        var b = GraphBuilder.create("small");
        var x = b.input("x", DType.FLOAT32, "N", 2, 4, 4);
        var c = b.conv(x, Tensor.allocate(DType.FLOAT32, Shape.of(3, 2, 3, 3)), Tensor.of(new float[] {1, 2, 3}, 3), 2, 1);
        return b.outputAs(b.relu6(c), "y").build();
    }

    @Test void printsTypesInitializersAndAttributes() {
        assertEquals("""
                graph small (x: float32[N,2,4,4]) -> (y: float32[N,3,2,2])
                  param conv1.weight: float32[3,2,3,3]
                  param conv1.bias: float32[3] = [1.0, 2.0, 3.0]
                  init clip1.min: float32[] = [0.0]
                  init clip1.max: float32[] = [6.0]
                  conv1: float32[N,3,2,2] = Conv(x, conv1.weight, conv1.bias) {kernel_shape=[3,3], pads=[1,1,1,1], \
                strides=[2,2], group=1}
                  y = Clip[clip1](conv1, clip1.min, clip1.max)
                """, GraphPrinter.print(small()));
    }

    @Test void withoutTypesOmitsIntermediateTypes() {
        String text = GraphPrinter.DEFAULT.withoutTypes().withMaxValues(0).format(small());
        assertEquals("""
                graph small (x: float32[N,2,4,4]) -> (y: float32[N,3,2,2])
                  param conv1.weight: float32[3,2,3,3]
                  param conv1.bias: float32[3]
                  init clip1.min: float32[]
                  init clip1.max: float32[]
                  conv1 = Conv(x, conv1.weight, conv1.bias) {kernel_shape=[3,3], pads=[1,1,1,1], strides=[2,2], group=1}
                  y = Clip[clip1](conv1, clip1.min, clip1.max)
                """, text);
    }

    @Test void quotesOddNamesAndShowsDomainsAndOmittedValues() {
        Attributes a = Attributes.builder().put("mode", "fast").putFloats("scales", List.of(0.5f, 2f))
                .put("value", Tensor.vector(1, -2)).build();
        Graph g = Graph.builder("g").input(new Value("in:0", TensorType.unranked(DType.INT64)))
                .output(new Value("graph", TensorType.of(DType.INT64, List.of(Dim.unknown()))))
                .node(new Node("n", new OpaqueOp("com.example", "Custom", a), List.of("in:0", ""), List.of("graph")))
                .build();
        assertEquals("""
                graph g ("in:0": int64[*]) -> ("graph": int64[?])
                  "graph" = com.example::Custom[n]("in:0", "") {mode="fast", scales=[0.5, 2.0], value=int64[2][1, -2]}
                """, GraphPrinter.print(g));
    }
}
