package dev.slim4j.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.GraphBuilder;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which models the bench's note about ONNX Runtime's saturating integer kernels applies to, and on which CPUs. */
class OrtIntegerExactnessTest {
    @Test void aQuantizeLinearMakesAModelIntegerAFloatModelIsNot() {
        GraphBuilder f = GraphBuilder.create("float");
        String x = f.input("x", DType.FLOAT32, 1, 4);
        assertFalse(OrtIntegerExactness.usesIntegerOps(f.output(f.relu(x)).buildModel()));
        GraphBuilder q = GraphBuilder.create("quantized");
        String y = q.input("x", DType.FLOAT32, 1, 4);
        String scale = q.constant("scale", Tensor.ofFloats(Shape.of(), new float[] {0.1f}));
        String quantized = q.node("QuantizeLinear", Attributes.EMPTY, List.of(y, scale), 1).getFirst();
        String back = q.node("DequantizeLinear", Attributes.EMPTY, List.of(quantized, scale), 1).getFirst();
        assertTrue(OrtIntegerExactness.usesIntegerOps(q.output(back).buildModel()));
    }

    @Test void exactWhereTheCpuHasVnni() throws Exception {
        String cpu = Files.readString(Path.of("/proc/cpuinfo"));
        assertEquals(cpu.contains("avx512_vnni") || cpu.contains("avx_vnni"), OrtIntegerExactness.exactOnThisCpu());
    }
}
