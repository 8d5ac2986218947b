package dev.slim4j.integration;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.GraphBuilder;
import dev.slim4j.ir.Model;
import dev.slim4j.onnx.OnnxReader;
import dev.slim4j.onnx.OnnxWriter;
import dev.slim4j.runtime.Session;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.train.data.Batch;
import dev.slim4j.train.data.DataLoader;
import dev.slim4j.train.data.Dataset;
import dev.slim4j.train.data.FashionMnist;
import dev.slim4j.train.data.LoaderConfig;
import dev.slim4j.train.grad.Gradients;
import dev.slim4j.train.grad.Tape;
import dev.slim4j.train.grad.TapeOptions;
import dev.slim4j.train.loss.CrossEntropy;
import dev.slim4j.train.loss.LossValue;
import dev.slim4j.train.optim.Adam;
import dev.slim4j.train.optim.AdamConfig;
import dev.slim4j.train.optim.ParameterSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Fashion-MNIST classifiers built with {@link GraphBuilder} and trained briefly with the train module's
 * tape and Adam (a few hundred steps: enough for real weights and real activation ranges), cached as
 * ONNX under {@code target/} so later runs skip training.
 */
final class FashionModels {
    private FashionModels() {}

    static Model mlp() {
        return cached("fashion-mlp", () -> {
            Random r = new Random(1);
            GraphBuilder b = GraphBuilder.create("fashion-mlp");
            String x = b.input("x", DType.FLOAT32, "N", 1, 28, 28);
            String f = b.flatten(x, 1);
            String h = b.relu(b.linear(f, he(r, 784, 128, 784), zeros(128)));
            String h2 = b.relu(b.linear(h, he(r, 128, 64, 128), zeros(64)));
            return b.outputAs(b.linear(h2, he(r, 64, 10, 64), zeros(10)), "logits").build();
        }, 2000);
    }

    static Model convNet() {
        return cached("fashion-cnn", () -> {
            Random r = new Random(2);
            GraphBuilder b = GraphBuilder.create("fashion-cnn");
            String x = b.input("x", DType.FLOAT32, "N", 1, 28, 28);
            String c1 = b.maxPool(b.relu(b.conv(x, he(r, 9, 8, 1, 3, 3), zeros(8), 1, 1)), 2, 2, 0);
            String c2 = b.maxPool(b.relu(b.conv(c1, he(r, 72, 16, 8, 3, 3), zeros(16), 1, 1)), 2, 2, 0);
            String f = b.flatten(c2, 1);
            String h = b.relu(b.linear(f, he(r, 784, 32, 784), zeros(32)));
            return b.outputAs(b.linear(h, he(r, 32, 10, 32), zeros(10)), "logits").build();
        }, 1500);
    }

    private interface GraphMaker { Graph make(); }

    private static Model cached(String name, GraphMaker maker, int steps) {
        Path file = Path.of("target", name + "-" + steps + ".onnx");
        if (Files.isRegularFile(file)) return OnnxReader.read(file);
        Model m = Model.of(train(maker.make(), steps));
        try {
            Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        OnnxWriter.write(m, file);
        return m;
    }

    /** {@code steps} Adam steps (lr 2e-3) on batches of 64 shuffled training images. */
    static Graph train(Graph g, int steps) {
        ParameterSet params = new ParameterSet();
        Map<String, float[]> values = new LinkedHashMap<>();
        for (String name : g.trainable()) {
            float[] v = g.initializers().get(name).floats();
            values.put(name, v);
            params.add(name, v);
        }
        Adam adam = new Adam(params, AdamConfig.defaults().withLearningRate(2e-3));
        var epoch = new DataLoader(FashionMnist.train(), LoaderConfig.defaults()).epoch(0);
        String out = g.outputs().getFirst().name();
        for (int s = 0; s < steps; s++) {
            Batch batch = epoch.batch(s % epoch.size());
            Map<String, Tensor> feeds = new LinkedHashMap<>();
            feeds.put(g.runtimeInputs().getFirst().name(), batch.images());
            for (var e : values.entrySet()) feeds.put(e.getKey(), Tensor.ofFloats(g.initializers().get(e.getKey()).shape(), e.getValue()));
            Tape tape = Tape.record(g, feeds, TapeOptions.training(s));
            LossValue loss = CrossEntropy.defaults().compute(tape.value(out), batch.labels());
            Gradients grads = tape.backward(Map.of(out, loss.gradient()));
            params.zeroGradients();
            for (String name : values.keySet()) {
                float[] gr = grads.parameter(name).floats();
                System.arraycopy(gr, 0, params.get(name).gradient(), 0, gr.length);
            }
            adam.step();
        }
        Graph.Builder b = g.toBuilder();
        for (var e : values.entrySet()) b.initializer(e.getKey(), Tensor.ofFloats(g.initializers().get(e.getKey()).shape(), e.getValue()));
        return b.build();
    }

    /** Top-1 accuracy (percent) of {@code model} on the first {@code count} test images, through the reference Session. */
    static double accuracy(Model model, int count) {
        Dataset test = FashionMnist.test();
        var epoch = new DataLoader(test, LoaderConfig.defaults().withShuffle(false).withBatchSize(250)).epoch(0);
        int correct = 0, seen = 0;
        try (Session s = Session.create(model)) {
            for (Batch batch : epoch) {
                if (seen >= count) break;
                Tensor logits = s.run(Map.of("x", batch.images())).values().iterator().next();
                int n = batch.size(), classes = logits.shape().dim(1);
                for (int i = 0; i < n; i++) {
                    int best = 0;
                    for (int c = 1; c < classes; c++) if (logits.getFloat(i * classes + c) > logits.getFloat(i * classes + best)) best = c;
                    if (best == batch.labels().getLong(i)) correct++;
                }
                seen += n;
            }
        }
        return 100.0 * correct / seen;
    }

    private static Tensor he(Random r, int fanIn, int... dims) {
        float[] v = new float[Shape.of(dims).intSize()];
        double std = Math.sqrt(2.0 / fanIn);
        for (int i = 0; i < v.length; i++) v[i] = (float) (r.nextGaussian() * std);
        return Tensor.ofFloats(Shape.of(dims), v);
    }

    private static Tensor zeros(int n) { return Tensor.ofFloats(Shape.of(n), new float[n]); }
}
