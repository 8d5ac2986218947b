package dev.slim4j.cli.demo;

import dev.slim4j.ir.GraphBuilder;
import dev.slim4j.ir.Model;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.Random;

/**
 * The demo's model: LeNet-5 with BatchNorm (6-16-120-84-10) for 1x28x28 images, He-initialized
 * from a seed. Untrained until the training issue lands; the demo shows the pipeline, not accuracy.
 */
final class DemoModel {
    private final Random random;

    private DemoModel(long seed) { this.random = new Random(seed); }

    static Model lenet5(long seed) { return new DemoModel(seed).build(); }

    private Model build() {
        GraphBuilder b = GraphBuilder.create("lenet5-bn");
        String x = b.input("images", DType.FLOAT32, "N", 1, 28, 28);
        String c1 = b.relu(bn(b, b.conv(x, he(6, 1, 5, 5), zeros(6), 1, 2), 6));
        String p1 = b.maxPool(c1, 2, 2, 0);
        String c2 = b.relu(bn(b, b.conv(p1, he(16, 6, 5, 5), zeros(16), 1, 0), 16));
        String p2 = b.maxPool(c2, 2, 2, 0);
        String f = b.flatten(p2, 1);
        String h1 = b.relu(b.linear(f, he(120, 400), zeros(120)));
        String h2 = b.relu(b.linear(h1, he(84, 120), zeros(84)));
        String logits = b.linear(h2, he(10, 84), zeros(10));
        return b.outputAs(logits, "logits").buildModel();
    }

    private String bn(GraphBuilder b, String x, int c) {
        float[] ones = new float[c];
        java.util.Arrays.fill(ones, 1f);
        return b.batchNorm(x, Tensor.ofFloats(Shape.of(c), ones), zeros(c), zeros(c),
                Tensor.ofFloats(Shape.of(c), ones.clone()), 1e-5f);
    }

    private Tensor he(int... dims) {
        Shape s = Shape.of(dims);
        double std = Math.sqrt(2.0 / s.sizeBetween(1, dims.length));
        float[] v = new float[s.intSize()];
        for (int i = 0; i < v.length; i++) v[i] = (float) (random.nextGaussian() * std);
        return Tensor.ofFloats(s, v);
    }

    private static Tensor zeros(int n) { return Tensor.allocate(DType.FLOAT32, Shape.of(n)); }
}
