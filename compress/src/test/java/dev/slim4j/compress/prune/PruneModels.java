package dev.slim4j.compress.prune;

import dev.slim4j.ir.GraphBuilder;
import dev.slim4j.ir.Model;
import dev.slim4j.runtime.Session;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.Map;
import java.util.Random;

/** Small GraphBuilder models for the per-rule pruning tests, with seeded random weights. */
final class PruneModels {
    private final Random random;

    PruneModels(long seed) { this.random = new Random(seed); }

    /** conv-bn-relu, conv, + skip conv (residual Add), relu, conv, GAP, flatten, gemm. */
    Model residual() {
        GraphBuilder b = GraphBuilder.create("residual");
        String x = b.input("x", DType.FLOAT32, "N", 3, 8, 8);
        String h = b.relu(bn(b, b.conv(x, w(8, 3, 3, 3), w(8), 1, 1), 8));
        String main = b.conv(h, w(6, 8, 3, 3), w(6), 1, 1);
        String skip = b.conv(x, w(6, 3, 1, 1), w(6), 1, 0);
        String r = b.relu(b.add(main, skip));
        String c = b.relu(b.conv(r, w(5, 6, 3, 3), w(5), 1, 1));
        String y = b.linear(b.flatten(b.globalAveragePool(c), 1), w(4, 5), w(4));
        return b.output(y).buildModel();
    }

    /** Two convs concatenated on channels (SqueezeNet fire), then a conv reading the concat. */
    Model concat() {
        GraphBuilder b = GraphBuilder.create("concat");
        String x = b.input("x", DType.FLOAT32, "N", 3, 6, 6);
        String s = b.relu(b.conv(x, w(4, 3, 1, 1), w(4), 1, 0));
        String e1 = b.relu(b.conv(s, w(5, 4, 1, 1), w(5), 1, 0));
        String e3 = b.relu(b.conv(s, w(3, 4, 3, 3), w(3), 1, 1));
        String cat = b.concat(1, e1, e3);
        String y = b.conv(cat, w(2, 8, 1, 1), w(2), 1, 0);
        return b.output(y).buildModel();
    }

    /** MobileNetV2 inverted residual: expand 1x1, depthwise 3x3, project 1x1, relu6. */
    Model depthwise() {
        GraphBuilder b = GraphBuilder.create("depthwise");
        String x = b.input("x", DType.FLOAT32, "N", 3, 6, 6);
        String e = b.relu6(bn(b, b.conv(x, w(12, 3, 1, 1), null, 1, 0), 12));
        String d = b.relu6(bn(b, b.conv(e, w(12, 1, 3, 3), null, 1, 1, 12), 12));
        String y = bn(b, b.conv(d, w(4, 12, 1, 1), null, 1, 0), 4);
        return b.output(y).buildModel();
    }

    /** conv (7 channels of 3x3) flattened into a Gemm: each channel owns 9 features. */
    Model flattenGemm(boolean reshape) {
        GraphBuilder b = GraphBuilder.create("flatten");
        String x = b.input("x", DType.FLOAT32, 2, 2, 6, 6);
        String c = b.relu(b.conv(x, w(7, 2, 3, 3), w(7), 2, 1));
        String f = reshape ? b.reshape(c, 2, 63) : b.flatten(c, 1);
        String y = b.linear(b.relu(b.linear(f, w(10, 63), w(10))), w(3, 10), w(3));
        return b.output(y).buildModel();
    }

    /** ShuffleNet-style: two branches concatenated, channel shuffle with 2 groups, conv after. */
    Model shuffle() {
        GraphBuilder b = GraphBuilder.create("shuffle");
        String x = b.input("x", DType.FLOAT32, 1, 3, 5, 5);
        String a = b.relu(b.conv(x, w(4, 3, 1, 1), w(4), 1, 0));
        String c = b.relu(b.conv(x, w(4, 3, 3, 3), w(4), 1, 1));
        String cat = b.concat(1, a, c);
        String s = b.reshape(b.transpose(b.reshape(cat, 1, 2, 4, 5, 5), 0, 2, 1, 3, 4), 1, 8, 5, 5);
        String y = b.conv(s, w(3, 8, 1, 1), w(3), 1, 0);
        return b.output(y).buildModel();
    }

    /** conv -> Split [2, 4] on channels -> a conv per piece -> Concat -> conv. */
    Model split() {
        GraphBuilder b = GraphBuilder.create("split");
        String x = b.input("x", DType.FLOAT32, "N", 3, 5, 5);
        String c = b.relu(b.conv(x, w(6, 3, 3, 3), w(6), 1, 1));
        java.util.List<String> pieces = b.node(new dev.slim4j.ir.op.Split(1, java.util.Optional.empty()),
                java.util.List.of(c, b.constant("sizes", Tensor.vector(2, 4))), 2);
        String p = b.relu(b.conv(pieces.get(0), w(3, 2, 1, 1), w(3), 1, 0));
        String q = b.relu(b.conv(pieces.get(1), w(2, 4, 3, 3), w(2), 1, 1));
        String y = b.conv(b.concat(1, p, q, pieces.get(1)), w(2, 9, 1, 1), w(2), 1, 0);
        return b.output(y).buildModel();
    }

    /** conv -> ConvTranspose (kernel 2, stride 2) -> relu -> conv. */
    Model convTranspose() {
        GraphBuilder b = GraphBuilder.create("deconv");
        String x = b.input("x", DType.FLOAT32, "N", 3, 4, 4);
        String c = b.relu(b.conv(x, w(5, 3, 3, 3), w(5), 1, 1));
        var op = new dev.slim4j.ir.op.ConvTranspose(dev.slim4j.ir.op.AutoPad.NOTSET, java.util.List.of(), 1,
                java.util.List.of(2L, 2L), java.util.List.of(), java.util.List.of(), java.util.List.of(0L, 0L, 0L, 0L),
                java.util.List.of(2L, 2L));
        String t = b.relu(b.node(op, c, b.parameter("deconv.weight", w(5, 4, 2, 2)), b.parameter("deconv.bias", w(4))));
        String y = b.conv(t, w(2, 4, 1, 1), w(2), 1, 0);
        return b.output(y).buildModel();
    }

    /** As {@link #shuffle} with a symbolic batch: the Reshape targets carry N from Shape -> Gather -> Unsqueeze, as exporters write them. */
    Model dynamicShuffle() {
        GraphBuilder b = GraphBuilder.create("dynamic-shuffle");
        String x = b.input("x", DType.FLOAT32, "N", 3, 5, 5);
        String a = b.relu(b.conv(x, w(4, 3, 1, 1), w(4), 1, 0));
        String c = b.relu(b.conv(x, w(4, 3, 3, 3), w(4), 1, 1));
        String cat = b.concat(1, a, c);
        String r1 = b.node(new dev.slim4j.ir.op.Reshape(false), cat, batchTarget(b, cat, 2, 4, 5, 5));
        String t = b.transpose(r1, 0, 2, 1, 3, 4);
        String r2 = b.node(new dev.slim4j.ir.op.Reshape(false), t, batchTarget(b, t, -1, 5, 5));
        String y = b.conv(r2, w(3, 8, 1, 1), w(3), 1, 0);
        return b.output(y).buildModel();
    }

    private static String batchTarget(GraphBuilder b, String of, long... rest) {
        String shape = b.node(new dev.slim4j.ir.op.ShapeOf(java.util.Optional.empty(), java.util.Optional.empty()), of);
        String n = b.node(new dev.slim4j.ir.op.Gather(0), shape, b.constant("zero", Tensor.scalarLong(0)));
        String nu = b.node(new dev.slim4j.ir.op.Unsqueeze(java.util.Optional.empty()), n, b.constant("axes", Tensor.vector(0)));
        return b.concat(0, nu, b.constant("rest", Tensor.vector(rest)));
    }

    /** A reshape that regroups channels with the spatial dims: not resolvable. */
    Model tangledReshape() {
        GraphBuilder b = GraphBuilder.create("tangled");
        String x = b.input("x", DType.FLOAT32, 1, 3, 4, 4);
        String c = b.relu(b.conv(x, w(4, 3, 1, 1), w(4), 1, 0));
        String r = b.reshape(c, 1, 8, 2, 4);
        String y = b.conv(r, w(2, 8, 1, 1), w(2), 1, 0);
        return b.output(y).buildModel();
    }

    String bn(GraphBuilder b, String x, int c) {
        float[] scale = new float[c];
        float[] bias = new float[c];
        float[] mean = new float[c];
        float[] var = new float[c];
        for (int i = 0; i < c; i++) {
            scale[i] = 0.5f + random.nextFloat();
            bias[i] = (float) random.nextGaussian() * 0.1f;
            mean[i] = (float) random.nextGaussian() * 0.1f;
            var[i] = 0.5f + random.nextFloat();
        }
        return b.batchNorm(x, Tensor.of(scale, c), Tensor.of(bias, c), Tensor.of(mean, c), Tensor.of(var, c), 1e-5f);
    }

    Tensor w(int... dims) {
        float[] v = new float[Shape.of(dims).intSize()];
        long fanIn = dims.length > 1 ? Shape.of(dims).size() / dims[0] : 1;
        double std = Math.sqrt(2.0 / fanIn);
        for (int i = 0; i < v.length; i++) v[i] = (float) (random.nextGaussian() * std);
        return Tensor.ofFloats(Shape.of(dims), v);
    }

    Tensor input(int... dims) {
        float[] v = new float[Shape.of(dims).intSize()];
        for (int i = 0; i < v.length; i++) v[i] = (float) random.nextGaussian();
        return Tensor.ofFloats(Shape.of(dims), v);
    }

    /** The model's only output for one input. */
    static Tensor run(Model m, String input, Tensor x) {
        try (Session s = Session.create(m)) {
            return s.run(Map.of(input, x)).values().iterator().next();
        }
    }
}
