package dev.slim4j.cli.bench;

import dev.slim4j.ir.GraphBuilder;
import dev.slim4j.onnx.OnnxWriter;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.nio.file.Path;

/** Tiny models for the bench tests, built with the GraphBuilder and written as ONNX. */
final class TinyModels {
    private TinyModels() {}

    /** relu(x W^T + b) for x float32[N, 4], W 3x4; {@code shift} is added to every weight (0 for the right model). */
    static Path linearRelu(Path dir, String name, float shift) {
        GraphBuilder b = GraphBuilder.create(name);
        String x = b.input("x", DType.FLOAT32, "N", 4);
        float[] w = new float[12];
        for (int i = 0; i < w.length; i++) w[i] = (i % 5 - 2) * 0.25f + shift;
        String y = b.relu(b.linear(x, Tensor.ofFloats(Shape.of(3, 4), w), Tensor.ofFloats(Shape.of(3), 0.5f, -0.25f, 1f)));
        Path file = dir.resolve(name + ".onnx");
        OnnxWriter.write(b.outputAs(y, "y").buildModel(), file);
        return file;
    }

    /** Same as {@link #linearRelu} but with a fixed input shape [2, 4] (no symbolic dim). */
    static Path fixedShape(Path dir) {
        GraphBuilder b = GraphBuilder.create("fixed");
        String x = b.input("x", DType.FLOAT32, 2, 4);
        Path file = dir.resolve("fixed.onnx");
        OnnxWriter.write(b.outputAs(b.relu(x), "y").buildModel(), file);
        return file;
    }
}
