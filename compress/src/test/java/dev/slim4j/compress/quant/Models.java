package dev.slim4j.compress.quant;

import dev.slim4j.ir.GraphBuilder;
import dev.slim4j.ir.Model;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Small models with random weights and random inputs for the quantization tests. */
final class Models {
    private final Random random;

    Models(long seed) { this.random = new Random(seed); }

    Model mlp() {
        GraphBuilder b = GraphBuilder.create("mlp");
        String x = b.input("x", DType.FLOAT32, "N", 64);
        String h = b.relu(b.linear(x, weights(0.15f, 32, 64), weights(0.1f, 32)));
        String y = b.linear(h, weights(0.2f, 10, 32), weights(0.1f, 10));
        return b.output(y).buildModel();
    }

    Model convNet() {
        GraphBuilder b = GraphBuilder.create("cnn");
        String x = b.input("x", DType.FLOAT32, "N", 1, 12, 12);
        String c1 = b.relu(b.conv(x, weights(0.3f, 4, 1, 3, 3), weights(0.1f, 4), 1, 1));
        String p = b.maxPool(c1, 2, 2, 0);
        String c2 = b.relu(b.conv(p, weights(0.2f, 6, 4, 3, 3), weights(0.1f, 6), 1, 1));
        String f = b.flatten(c2, 1);
        String y = b.linear(f, weights(0.1f, 10, 6 * 36), weights(0.1f, 10));
        return b.output(y).buildModel();
    }

    Tensor weights(float std, int... dims) {
        float[] v = new float[Shape.of(dims).intSize()];
        for (int i = 0; i < v.length; i++) v[i] = (float) random.nextGaussian() * std;
        return Tensor.ofFloats(Shape.of(dims), v);
    }

    List<Map<String, Tensor>> batches(int count, int... dims) {
        List<Map<String, Tensor>> out = new ArrayList<>();
        for (int i = 0; i < count; i++) out.add(Map.of("x", weights(1f, dims)));
        return out;
    }
}
