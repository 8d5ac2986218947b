package dev.slim4j.train.zoo;

import dev.slim4j.ir.GraphBuilder;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The layers the zoo builds from, with seeded initialization: convolution and linear weights are
 * He-normal (std sqrt(2 / fan-in)) with zero biases; the last classifier layer is drawn from
 * U(-1/sqrt(fan-in), 1/sqrt(fan-in)) as PyTorch does; BatchNorm starts at scale 1, shift 0, mean 0, variance 1.
 */
final class Layers {
    static final float BN_EPSILON = 1e-5f;

    private final GraphBuilder builder;
    private final SplittableRandom random;

    Layers(String graphName, long seed) {
        this.builder = GraphBuilder.create(graphName);
        this.random = new SplittableRandom(seed);
    }

    GraphBuilder builder() { return builder; }

    /** The [N, 1, 28, 28] image input. */
    String images() { return builder.input(Architecture.INPUT, DType.FLOAT32, "N", 1, 28, 28); }

    /** A square k x k convolution from {@code in} to {@code out} channels; {@code groups} = in = out for depthwise. */
    String conv(String x, int in, int out, int k, int stride, int pad, int groups, boolean bias) {
        Tensor w = heNormal(out, in / groups, k, k);
        return builder.conv(x, w, bias ? zeros(out) : null, stride, pad, groups);
    }

    String batchNorm(String x, int channels) {
        return builder.batchNorm(x, filled(channels, 1f), zeros(channels), zeros(channels), filled(channels, 1f),
                BN_EPSILON);
    }

    /** A hidden linear layer (He-normal weights), with or without bias. */
    String linear(String x, int in, int out, boolean bias) {
        return builder.linear(x, heNormal(out, in), bias ? zeros(out) : null);
    }

    /** The classifier layer: weights and bias uniform in +-1/sqrt(in). */
    String classifier(String x, int in, int out) {
        double bound = 1 / Math.sqrt(in);
        return builder.linear(x, uniform(bound, out, in), uniform(bound, out));
    }

    String relu(String x) { return builder.relu(x); }

    String relu6(String x) { return builder.relu6(x); }

    /** Marks {@code x} as the {@code logits} output and returns the model. */
    dev.slim4j.ir.Model finish(String x) { return builder.outputAs(x, Architecture.OUTPUT).buildModel(); }

    private Tensor heNormal(int... dims) {
        Shape s = Shape.of(dims);
        double std = Math.sqrt(2.0 / s.sizeBetween(1, dims.length));
        float[] v = new float[s.intSize()];
        for (int i = 0; i < v.length; i++) v[i] = (float) (gaussian() * std);
        return Tensor.ofFloats(s, v);
    }

    private Tensor uniform(double bound, int... dims) {
        Shape s = Shape.of(dims);
        float[] v = new float[s.intSize()];
        for (int i = 0; i < v.length; i++) v[i] = (float) random.nextDouble(-bound, bound);
        return Tensor.ofFloats(s, v);
    }

    /** A standard normal draw (Box-Muller on the seeded generator, so builds repeat on every JDK). */
    private double gaussian() {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static Tensor zeros(int n) { return Tensor.allocate(DType.FLOAT32, Shape.of(n)); }

    private static Tensor filled(int n, float v) {
        float[] a = new float[n];
        Arrays.fill(a, v);
        return Tensor.ofFloats(Shape.of(n), a);
    }

    /** Fails unless every value is positive; {@code what} names the field. */
    static void requirePositive(String what, java.util.List<Integer> values) {
        for (int v : values) {
            if (v < 1) throw new IllegalArgumentException(what + " must all be positive, found " + values);
        }
    }

    static void requirePositive(String what, int value) {
        if (value < 1) throw new IllegalArgumentException(what + " must be positive, found " + value);
    }
}
